using RelayActors.Models.Data;

namespace RelayActors.Models.Layers;

/// <summary>
/// Max pooling. Ties: the whole gradient of a window goes to its <em>first</em> maximal element in row-major order
/// (PyTorch's CPU kernel scans with a strict &gt; as well); the backward pass recomputes that argmax from the input,
/// so no indices are kept between the passes.
/// </summary>
internal sealed class MaxPool2d : Pool2d
{
    public MaxPool2d(string name, ImageShape input, int kernel, int stride)
        : base(name, input, kernel, kernel, stride)
    {
    }

    public MaxPool2d(string name, ImageShape input, int kernel)
        : this(name, input, kernel, kernel)
    {
    }

    public override string Describe() => $"MaxPool2d {Geometry}";

    protected override void ForwardPlane(ReadOnlySpan<float> source, Span<float> target)
    {
        for (var o = 0; o < target.Length; o++)
            target[o] = source[ArgMax(source, WindowStart(o))];
    }

    protected override void BackwardPlaneAdd(ReadOnlySpan<float> source, ReadOnlySpan<float> targetGrad, Span<float> sourceGrad)
    {
        for (var o = 0; o < targetGrad.Length; o++)
            sourceGrad[ArgMax(source, WindowStart(o))] += targetGrad[o];
    }

    /// <summary>Plane offset of the first maximal element of the window starting at <paramref name="start"/>.</summary>
    private int ArgMax(ReadOnlySpan<float> plane, int start)
    {
        var best = start;
        for (var y = 0; y < KernelHeight; y++)
        {
            var row = start + (y * Input.Width);
            for (var x = 0; x < KernelWidth; x++)
            {
                if (plane[row + x] > plane[best])
                    best = row + x;
            }
        }
        return best;
    }
}
