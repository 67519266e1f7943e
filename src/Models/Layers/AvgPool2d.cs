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

    public override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output)
    {
        var (inPlane, outPlane) = (Input.Height * Input.Width, Output.Height * Output.Width);
        for (var p = 0; p < call.Batch * Input.Channels; p++)
        {
            var source = input.Slice(p * inPlane, inPlane);
            var target = output.Slice(p * outPlane, outPlane);
            for (var o = 0; o < outPlane; o++)
            {
                var start = WindowStart(o);
                var sum = 0f;
                for (var y = 0; y < KernelHeight; y++)
                {
                    var row = source.Slice(start + (y * Input.Width), KernelWidth);
                    for (var x = 0; x < row.Length; x++)
                        sum += row[x];
                }
                target[o] = sum * _scale;
            }
        }
    }

    public override void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad)
    {
        if (inputGrad.IsEmpty)
            return;
        var (inPlane, outPlane) = (Input.Height * Input.Width, Output.Height * Output.Width);
        inputGrad[..(call.Batch * Input.Size)].Clear();
        for (var p = 0; p < call.Batch * Input.Channels; p++)
        {
            var sourceGrad = inputGrad.Slice(p * inPlane, inPlane);
            var targetGrad = outputGrad.Slice(p * outPlane, outPlane);
            for (var o = 0; o < outPlane; o++)
            {
                var start = WindowStart(o);
                var share = targetGrad[o] * _scale;
                for (var y = 0; y < KernelHeight; y++)
                {
                    var row = sourceGrad.Slice(start + (y * Input.Width), KernelWidth);
                    for (var x = 0; x < row.Length; x++)
                        row[x] += share;
                }
            }
        }
    }
}
