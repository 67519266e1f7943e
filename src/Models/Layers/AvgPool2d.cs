using System.Numerics.Tensors;
using RelayActors.Models.Data;

namespace RelayActors.Models.Layers;

/// <summary>
/// Average pooling; <see cref="Global"/> averages each whole channel plane to one value (global average pooling).
/// The backward pass spreads each output gradient evenly, 1/(kernelHeight·kernelWidth), over its window.
/// </summary>
internal sealed class AvgPool2d : Pool2d
{
    private readonly float _scale;

    public AvgPool2d(string name, ImageShape input, int kernelHeight, int kernelWidth, int stride)
        : base(name, input, kernelHeight, kernelWidth, stride) =>
        _scale = 1f / (kernelHeight * kernelWidth);

    public AvgPool2d(string name, ImageShape input, int kernel)
        : this(name, input, kernel, kernel, kernel)
    {
    }

    /// <summary>Global average pooling: C×H×W → C×1×1.</summary>
    public static AvgPool2d Global(string name, ImageShape input) =>
        new(name, input, input.Height, input.Width, Math.Max(input.Height, input.Width));

    public override string Describe() => $"AvgPool2d {Geometry}";

    protected override void ForwardPlane(ReadOnlySpan<float> source, Span<float> target)
    {
        for (var o = 0; o < target.Length; o++)
        {
            var start = WindowStart(o);
            var sum = 0f;
            for (var y = 0; y < KernelHeight; y++)
                sum += TensorPrimitives.Sum(source.Slice(start + (y * Input.Width), KernelWidth));
            target[o] = sum * _scale;
        }
    }

    protected override void BackwardPlaneAdd(ReadOnlySpan<float> source, ReadOnlySpan<float> targetGrad, Span<float> sourceGrad)
    {
        for (var o = 0; o < targetGrad.Length; o++)
        {
            var start = WindowStart(o);
            var share = targetGrad[o] * _scale;
            for (var y = 0; y < KernelHeight; y++)
            {
                var row = sourceGrad.Slice(start + (y * Input.Width), KernelWidth);
                TensorPrimitives.Add(row, share, row);
            }
        }
    }
}
