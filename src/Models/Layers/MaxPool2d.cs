using RelayActors.Models.Data;

namespace RelayActors.Models.Layers;

/// <summary>
/// Max pooling. Ties: the whole gradient of a window goes to its <em>first</em> maximal element in row-major order
/// (PyTorch's CPU kernel does the same); the backward pass finds it again by comparing the input with the stored
/// output, so no argmax indices are kept.
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

    public override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output)
    {
        var (inPlane, outPlane) = (Input.Height * Input.Width, Output.Height * Output.Width);
        for (var p = 0; p < call.Batch * Input.Channels; p++)
        {
            var source = input.Slice(p * inPlane, inPlane);
            var target = output.Slice(p * outPlane, outPlane);
            for (var o = 0; o < outPlane; o++)
                target[o] = source[ArgMax(source, WindowStart(o))];
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
            var source = input.Slice(p * inPlane, inPlane);
            var sourceGrad = inputGrad.Slice(p * inPlane, inPlane);
            var targetGrad = outputGrad.Slice(p * outPlane, outPlane);
            // Accumulate: with stride < kernel one pixel can win several windows.
            for (var o = 0; o < outPlane; o++)
                sourceGrad[ArgMax(source, WindowStart(o))] += targetGrad[o];
        }
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
