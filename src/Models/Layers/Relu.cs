using System.Numerics;
using System.Numerics.Tensors;
using RelayActors.Models.Data;

namespace RelayActors.Models.Layers;

/// <summary>Rectifier y = max(x, 0). The backward pass passes ∂y through where the output is positive (subgradient 0 at 0).</summary>
internal sealed class Relu : Layer
{
    public Relu(string name, ImageShape input)
        : base(name, input, input)
    {
    }

    public override string Describe() => "ReLU";

    public override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output)
    {
        var length = call.Batch * Input.Size;
        TensorPrimitives.Max(input[..length], 0f, output[..length]);
    }

    public override void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad)
    {
        if (inputGrad.IsEmpty)
            return;
        var length = call.Batch * Input.Size;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var positive = Vector.GreaterThan(new Vector<float>(output[i..]), Vector<float>.Zero);
                Vector.ConditionalSelect(positive, new Vector<float>(outputGrad[i..]), Vector<float>.Zero).CopyTo(inputGrad[i..]);
            }
        }
        for (; i < length; i++)
            inputGrad[i] = output[i] > 0 ? outputGrad[i] : 0f;
    }
}
