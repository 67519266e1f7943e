using RelayActors.Models.Data;

namespace RelayActors.Models.Layers;

/// <summary>
/// Shared geometry of the pooling layers: a kernelHeight × kernelWidth window moved by stride in both directions
/// over each channel plane, without padding; output ⌊(size − kernel)/stride⌋ + 1, channels unchanged.
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
