namespace RelayActors.Models.Data;

/// <summary>
/// A labelled image set held in memory: <see cref="Count"/> samples, each <see cref="Shape"/> floats already normalised
/// and stored row-major channel × height × width, back to back in one flat array. Immutable after construction; the
/// spans it hands out are views, so sharing one instance between workers costs nothing.
/// </summary>
public sealed class Dataset
{
    private readonly float[] _images;
    private readonly int[] _labels;

    /// <summary>
    /// Wraps <paramref name="images"/> (length <c>labels.Length × shape.Size</c>) and <paramref name="labels"/> (each in
    /// [0, <paramref name="classes"/>)) without copying; the caller hands both arrays over and must not write them again.
    /// </summary>
    public Dataset(string name, ImageShape shape, int classes, float[] images, int[] labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (shape.Channels <= 0 || shape.Height <= 0 || shape.Width <= 0)
            throw new ArgumentOutOfRangeException(nameof(shape), shape, $"Dataset '{name}': every dimension of the sample shape must be positive.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if ((long)labels.Length * shape.Size != images.Length)
            throw new ArgumentException(
                $"Dataset '{name}': {labels.Length} labels × {shape} = {(long)labels.Length * shape.Size} floats expected, got {images.Length} image floats.",
                nameof(images));
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Dataset '{name}': label of sample {i} is outside [0, {classes}).");
        }
        Name = name;
        Shape = shape;
        Classes = classes;
        _images = images;
        _labels = labels;
    }

    /// <summary>Human-readable name used in logs and error messages ("fashion-mnist/train").</summary>
    public string Name { get; }

    /// <summary>Shape of one sample.</summary>
    public ImageShape Shape { get; }

    /// <summary>Number of classes; every label lies in [0, Classes).</summary>
    public int Classes { get; }

    /// <summary>Number of samples.</summary>
    public int Count => _labels.Length;

    /// <summary>All samples' pixels, sample after sample (<c>Count × Shape.Size</c> floats).</summary>
    public ReadOnlySpan<float> Images => _images;

    /// <summary>All labels, in sample order.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The <c>Shape.Size</c> pixels of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Image(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Dataset '{Name}' has {Count} samples.");
        return _images.AsSpan(index * Shape.Size, Shape.Size);
    }

    /// <summary>A copy of the first <paramref name="count"/> samples (quick evaluation subsets); the whole set when
    /// <paramref name="count"/> ≥ <see cref="Count"/>.</summary>
    public Dataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count >= Count)
            return this;
        return new Dataset(
            $"{Name}[..{count}]", Shape, Classes, _images.AsSpan(0, count * Shape.Size).ToArray(), _labels.AsSpan(0, count).ToArray());
    }

    public override string ToString() => $"{Name}: {Count} × {Shape}, {Classes} classes";
}
