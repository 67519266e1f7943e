using System.Numerics.Tensors;
using RelayActors.Models.Data;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Layers;

/// <summary>
/// 2-D convolution (cross-correlation, as PyTorch) with a square kernel, stride and zero padding. Parameters: weight
/// (out × in × k × k), then bias (out). Each sample is expanded by <see cref="Im2Col"/> and multiplied with one GEMM;
/// per-sample GEMMs write NCHW output directly, where a batched patch matrix would need a transpose afterwards.
/// </summary>
/// <remarks>The backward pass recomputes the patch matrix instead of keeping one per sample: scratch stays two
/// patch matrices per worker regardless of the batch, and the expansion is cheap next to the GEMMs.</remarks>
internal sealed class Conv2d : Layer
{
    private readonly Im2Col _patches;
    private readonly int _outChannels;

    public Conv2d(string name, ImageShape input, int outChannels, int kernel, int stride = 1, int padding = 0)
        : base(name, input, new ImageShape(outChannels, OutputSize(input.Height, kernel, stride, padding), OutputSize(input.Width, kernel, stride, padding)))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        _outChannels = outChannels;
        _patches = new Im2Col(input.Channels, input.Height, input.Width, kernel, stride, padding, Output.Height, Output.Width);
    }

    public override IReadOnlyList<(string Suffix, int[] Shape)> Tensors =>
        [("weight", [_outChannels, Input.Channels, _patches.Kernel, _patches.Kernel]), ("bias", [_outChannels])];

    public override string Describe() =>
        $"Conv2d {Input.Channels} → {_outChannels}, {_patches.Kernel}×{_patches.Kernel}, stride {_patches.Stride}, padding {_patches.Padding}";

    /// <summary>Patch matrix for the forward pass and its gradient for the backward pass.</summary>
    public override int ScratchLength(int maxBatch) => 2 * _patches.Rows * _patches.Columns;

    /// <summary>Kaiming-normal in fan-out mode, N(0, 2/(k²·out)), and zero bias, as the paper's VGG/ResNet code does.</summary>
    public override void Initialize(Span<float> parameters, ref StepRandom random)
    {
        var weights = _outChannels * _patches.Rows;
        FillNormal(parameters[..weights], Math.Sqrt(2.0 / (_patches.Kernel * _patches.Kernel * _outChannels)), ref random);
        parameters.Slice(weights, _outChannels).Clear();
    }

    public override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output)
    {
        var (rows, columns) = (_patches.Rows, _patches.Columns);
        var weight = parameters[..(_outChannels * rows)];
        var bias = parameters.Slice(_outChannels * rows, _outChannels);
        var patchMatrix = call.Scratch[..(rows * columns)];
        for (var s = 0; s < call.Batch; s++)
        {
            _patches.Expand(input.Slice(s * Input.Size, Input.Size), patchMatrix);
            var image = output.Slice(s * Output.Size, Output.Size);
            Gemm.Multiply(false, false, _outChannels, columns, rows, 1f, weight, rows, patchMatrix, columns, 0f, image, columns, call.MaxThreads);
            for (var o = 0; o < _outChannels; o++)
            {
                var plane = image.Slice(o * columns, columns);
                TensorPrimitives.Add(plane, bias[o], plane);
            }
        }
    }

    public override void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad)
    {
        var (rows, columns) = (_patches.Rows, _patches.Columns);
        var weight = parameters[..(_outChannels * rows)];
        var weightGrad = parameterGrad[..(_outChannels * rows)];
        var biasGrad = parameterGrad.Slice(_outChannels * rows, _outChannels);
        var patchMatrix = call.Scratch[..(rows * columns)];
        var patchGrad = call.Scratch.Slice(rows * columns, rows * columns);
        biasGrad.Clear();
        for (var s = 0; s < call.Batch; s++)
        {
            var imageGrad = outputGrad.Slice(s * Output.Size, Output.Size);
            _patches.Expand(input.Slice(s * Input.Size, Input.Size), patchMatrix);
            // ∂W (+)= ∂Y_s · patchesᵀ; β = 0 on the first sample so the gradient is written, not accumulated across calls.
            Gemm.Multiply(false, true, _outChannels, rows, columns, 1f, imageGrad, columns, patchMatrix, columns, s == 0 ? 0f : 1f, weightGrad, rows, call.MaxThreads);
            for (var o = 0; o < _outChannels; o++)
                biasGrad[o] += TensorPrimitives.Sum(imageGrad.Slice(o * columns, columns));
            if (inputGrad.IsEmpty)
                continue;
            Gemm.Multiply(true, false, rows, columns, _outChannels, 1f, weight, rows, imageGrad, columns, 0f, patchGrad, columns, call.MaxThreads);
            var sampleGrad = inputGrad.Slice(s * Input.Size, Input.Size);
            sampleGrad.Clear();
            _patches.FoldAdd(patchGrad, sampleGrad);
        }
    }

    /// <summary>⌊(size + 2·padding − kernel)/stride⌋ + 1, or 0 when the kernel does not fit (C#'s division would round −1/2 up to 0).</summary>
    private static int OutputSize(int size, int kernel, int stride, int padding)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        var span = size + (2 * padding) - kernel;
        return span < 0 ? 0 : (span / stride) + 1;
    }
}
