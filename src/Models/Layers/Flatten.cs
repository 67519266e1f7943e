using RelayActors.Models.Data;

namespace RelayActors.Models.Layers;

/// <summary>Reinterprets C×H×W samples as feature vectors (C·H·W)×1×1; the memory order (NCHW) is unchanged, so both passes are copies.</summary>
internal sealed class Flatten : Layer
{
    public Flatten(string name, ImageShape input)
        : base(name, input, new ImageShape(input.Size, 1, 1))
    {
    }

    public override string Describe() => "Flatten";

    public override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output) =>
        input[..(call.Batch * Input.Size)].CopyTo(output);

    public override void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad)
    {
        if (!inputGrad.IsEmpty)
            outputGrad[..(call.Batch * Input.Size)].CopyTo(inputGrad);
    }
}
