using System.Numerics.Tensors;
using RelayActors.Models.Data;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Layers;

/// <summary>
/// Fully connected layer y = x·Wᵀ + b on flattened samples. Parameters: weight (out × in, row-major as PyTorch
/// stores it), then bias (out). Each pass is one GEMM over the whole batch.
/// </summary>
internal sealed class Linear : Layer
{
    private readonly int _in;
    private readonly int _out;

    public Linear(string name, ImageShape input, int outputs)
        : base(name, input, new ImageShape(outputs, 1, 1))
    {
        _in = input.Size;
        _out = outputs;
    }

    public override IReadOnlyList<(string Suffix, int[] Shape)> Tensors => [("weight", [_out, _in]), ("bias", [_out])];

    public override string Describe() => $"Linear {_in} → {_out}";

    /// <summary>PyTorch's default: weight and bias uniform in ±1/√fan_in.</summary>
    public override void Initialize(Span<float> parameters, ref StepRandom random) =>
        FillUniform(parameters, 1 / Math.Sqrt(_in), ref random);

    public override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output)
    {
        var n = call.Batch;
        var weight = parameters[..(_out * _in)];
        var bias = parameters.Slice(_out * _in, _out);
        Gemm.Multiply(false, true, n, _out, _in, 1f, input, _in, weight, _in, 0f, output, _out, call.MaxThreads);
        for (var s = 0; s < n; s++)
        {
            var row = output.Slice(s * _out, _out);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    public override void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad)
    {
        var n = call.Batch;
        // ∂W = ∂Yᵀ·X (out × in), ∂b = column sums of ∂Y, ∂X = ∂Y·W.
        Gemm.Multiply(true, false, _out, _in, n, 1f, outputGrad, _out, input, _in, 0f, parameterGrad, _in, call.MaxThreads);
        var biasGrad = parameterGrad.Slice(_out * _in, _out);
        outputGrad[.._out].CopyTo(biasGrad);
        for (var s = 1; s < n; s++)
            TensorPrimitives.Add(biasGrad, outputGrad.Slice(s * _out, _out), biasGrad);
        if (!inputGrad.IsEmpty)
            Gemm.Multiply(false, false, n, _in, _out, 1f, outputGrad, _out, parameters, _in, 0f, inputGrad, _in, call.MaxThreads);
    }
}
