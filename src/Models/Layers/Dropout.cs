using System.Numerics.Tensors;
using RelayActors.Models.Data;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Layers;

/// <summary>
/// Inverted dropout: in training each element is zeroed with probability p and the survivors scaled by 1/(1 − p), so
/// evaluation is the identity. The mask (0 or 1/(1 − p) per element) is kept in scratch for the backward pass.
/// </summary>
internal sealed class Dropout : Layer
{
    private readonly float _probability;

    public Dropout(string name, ImageShape input, float probability)
        : base(name, input, input)
    {
        if (!(probability >= 0 && probability < 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, $"Dropout {name} needs a probability in [0, 1)");
        _probability = probability;
    }

    public override string Describe() => $"Dropout p = {_probability}";

    public override int ScratchLength(int maxBatch) => maxBatch * Input.Size;

    public override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output)
    {
        var length = call.Batch * Input.Size;
        if (!call.Training)
        {
            input[..length].CopyTo(output);
            return;
        }
        var mask = call.Scratch[..length];
        var keep = 1f / (1f - _probability);
        ref var random = ref call.Random;
        for (var i = 0; i < mask.Length; i++)
            mask[i] = random.NextSingle() < _probability ? 0f : keep;
        TensorPrimitives.Multiply(input[..length], mask, output[..length]);
    }

    public override void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad)
    {
        if (inputGrad.IsEmpty)
            return;
        var length = call.Batch * Input.Size;
        if (call.Training)
            TensorPrimitives.Multiply(outputGrad[..length], call.Scratch[..length], inputGrad[..length]);
        else
            outputGrad[..length].CopyTo(inputGrad);
    }
}
