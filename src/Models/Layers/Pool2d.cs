using RelayActors.Models.Data;

namespace RelayActors.Models.Layers;

/// <summary>
/// Shared geometry of the pooling layers: a kernelHeight × kernelWidth window moved by stride in both directions
/// over each channel plane, without padding; output ⌊(size − kernel)/stride⌋ + 1, channels unchanged. The base
/// walks the batch's planes and the subclasses implement one plane (a virtual call per plane, not per element).
/// </summary>
internal abstract class Pool2d : Layer
{
    protected Pool2d(string name, ImageShape input, int kernelHeight, int kernelWidth, int stride)
        : base(name, input, new ImageShape(input.Channels, OutputSize(input.Height, kernelHeight, stride), OutputSize(input.Width, kernelWidth, stride)))
    {
        KernelHeight = kernelHeight;
        KernelWidth = kernelWidth;
        Stride = stride;
    }

    protected int KernelHeight { get; }

    protected int KernelWidth { get; }

    protected int Stride { get; }

    /// <summary>Window size and stride for <c>Describe</c>.</summary>
    protected string Geometry => $"{KernelHeight}×{KernelWidth}, stride {Stride}";

    public sealed override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output)
    {
        var (inPlane, outPlane) = (Input.Height * Input.Width, Output.Height * Output.Width);
        for (var p = 0; p < call.Batch * Input.Channels; p++)
            ForwardPlane(input.Slice(p * inPlane, inPlane), output.Slice(p * outPlane, outPlane));
    }

    public sealed override void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad)
    {
        if (inputGrad.IsEmpty)
            return;
        var (inPlane, outPlane) = (Input.Height * Input.Width, Output.Height * Output.Width);
        // Cleared first: pixels outside every window get zero, and overlapping windows (stride < kernel) accumulate.
        inputGrad[..(call.Batch * Input.Size)].Clear();
        for (var p = 0; p < call.Batch * Input.Channels; p++)
            BackwardPlaneAdd(input.Slice(p * inPlane, inPlane), outputGrad.Slice(p * outPlane, outPlane), inputGrad.Slice(p * inPlane, inPlane));
    }

    /// <summary>Pools one input plane into one output plane.</summary>
    protected abstract void ForwardPlane(ReadOnlySpan<float> source, Span<float> target);

    /// <summary>Adds the input-plane gradient of one output plane's gradient <paramref name="targetGrad"/> to <paramref name="sourceGrad"/>.</summary>
    protected abstract void BackwardPlaneAdd(ReadOnlySpan<float> source, ReadOnlySpan<float> targetGrad, Span<float> sourceGrad);

    /// <summary>Offset, within its input plane, of the window's top-left pixel for output pixel <paramref name="outputIndex"/>.</summary>
    protected int WindowStart(int outputIndex)
    {
        var (oy, ox) = Math.DivRem(outputIndex, Output.Width);
        return (oy * Stride * Input.Width) + (ox * Stride);
    }

    private static int OutputSize(int size, int kernel, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        return size < kernel ? 0 : ((size - kernel) / stride) + 1;
    }
}
