namespace RelayActors.Models.Data;

/// <summary>
/// Parameters of <see cref="SyntheticClassification"/>, a seeded image classification task that needs no files.
/// </summary>
/// <param name="TrainSamples">Training samples, classes interleaved so every class has ⌊N/C⌋ or ⌈N/C⌉.</param>
/// <param name="TestSamples">Test samples, drawn from the same distribution with independent draws.</param>
/// <param name="Classes">Number of classes (≥ 2).</param>
/// <param name="Shape">Sample shape; null means <see cref="DefaultShape"/>, 1 × 16 × 16 (a quarter of MNIST's pixels, so
/// CPU experiments stay fast). Height and width must be ≥ 4.</param>
/// <param name="Noise">Standard deviation of the i.i.d. pixel noise relative to the unit-RMS class pattern.</param>
/// <param name="Seed">Seed of the class patterns and of every sample.</param>
/// <param name="MaxShift">Each sample's pattern is shifted circularly by up to this many pixels in each direction.</param>
public sealed record SyntheticSettings(
    int TrainSamples = 12000,
    int TestSamples = 2000,
    int Classes = 10,
    ImageShape? Shape = null,
    double Noise = 1.5,
    long Seed = 1,
    int MaxShift = 2)
{
    /// <summary>The shape used when <see cref="Shape"/> is null.</summary>
    public static readonly ImageShape DefaultShape = new(1, 16, 16);

    /// <summary><see cref="Shape"/>, or <see cref="DefaultShape"/> when it is null.</summary>
    public ImageShape EffectiveShape => Shape ?? DefaultShape;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range and its value.</summary>
    public void Validate()
    {
        var shape = EffectiveShape;
        if (TrainSamples < 1 || TestSamples < 1)
            throw new ArgumentException($"Synthetic data needs ≥ 1 training and test sample, got TrainSamples = {TrainSamples}, TestSamples = {TestSamples}.");
        if (Classes < 2)
            throw new ArgumentException($"Synthetic data needs ≥ 2 classes, got Classes = {Classes}.");
        if (shape.Channels < 1 || shape.Height < 4 || shape.Width < 4)
            throw new ArgumentException($"Synthetic images must have ≥ 1 channel and be ≥ 4 × 4, got Shape = {shape}.");
        if (!(Noise >= 0) || double.IsInfinity(Noise))
            throw new ArgumentException($"Synthetic noise must be finite and ≥ 0, got Noise = {Noise}.");
        if (MaxShift < 0 || MaxShift >= Math.Min(shape.Height, shape.Width) / 2)
            throw new ArgumentException($"MaxShift = {MaxShift} must be in [0, {Math.Min(shape.Height, shape.Width) / 2}) for {shape} images.");
    }
}
