using System.Numerics.Tensors;

namespace RelayActors.Models.Layers;

/// <summary>
/// Softmax followed by cross-entropy against integer labels, the loss head of every model. Computed stably through
/// log-sum-exp: loss = max + log Σ exp(z − max) − z_label, so no exponent overflows whatever the logits.
/// </summary>
internal static class SoftmaxCrossEntropy
{
    /// <summary>
    /// Writes the softmax of each row of <paramref name="logits"/> (batch × classes) into <paramref name="probabilities"/>
    /// and returns the summed loss in double. <paramref name="correct"/> counts rows whose first maximal logit is the label.
    /// Labels must already be validated to lie in [0, classes).
    /// </summary>
    public static double Forward(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> probabilities, out int correct)
    {
        var loss = 0.0;
        correct = 0;
        for (var s = 0; s < labels.Length; s++)
        {
            var row = logits.Slice(s * classes, classes);
            var p = probabilities.Slice(s * classes, classes);
            var max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, p);
            TensorPrimitives.Exp(p, p);
            var sum = TensorPrimitives.Sum<float>(p);
            TensorPrimitives.Divide(p, sum, p);
            loss += Math.Log(sum) + max - row[labels[s]];
            if (TensorPrimitives.IndexOfMax(row) == labels[s])
                correct++;
        }
        return loss;
    }

    /// <summary>Turns the probabilities of <see cref="Forward"/> into ∂(scale · Σ loss)/∂logits = scale · (softmax − onehot), in place.</summary>
    public static void Backward(ReadOnlySpan<int> labels, int classes, Span<float> probabilities, float scale)
    {
        var length = labels.Length * classes;
        TensorPrimitives.Multiply(probabilities[..length], scale, probabilities[..length]);
        for (var s = 0; s < labels.Length; s++)
            probabilities[(s * classes) + labels[s]] -= scale;
    }
}
