using RelayActors.Models.Layers;
using static RelayActors.Models.Tests.Layers.LayerGradientCheck;

namespace RelayActors.Models.Tests.Layers;

public sealed class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Forward_HandComputedCase_GivesLossProbabilitiesAndAccuracy()
    {
        // Row 1: z = [1, 2, 3], label 0: loss = log(e + e² + e³) − 1 = 3.40760596444438 − 1 = 2.40760596444438.
        // Row 2: z = [0, 0, ln 2], label 2: softmax = [1/4, 1/4, 1/2], loss = ln 2 = 0.693147180559945.
        var probabilities = new float[6];
        var loss = SoftmaxCrossEntropy.Forward([1, 2, 3, 0, 0, MathF.Log(2)], [0, 2], 3, probabilities, out var correct);
        Assert.Equal(2.40760596444438 + 0.693147180559945, loss, 1e-6);
        Assert.Equal(1, correct);
        Assert.Equal(0.25f, probabilities[3], 1e-6f);
        Assert.Equal(0.5f, probabilities[5], 1e-6f);
    }

    [Fact]
    public void Forward_HugeLogits_StaysFinite()
    {
        // Naive exp(1000) overflows; log-sum-exp gives loss = log(1 + e⁻¹⁰⁰) − 0 ≈ 3.7e-44 for the right class.
        var loss = SoftmaxCrossEntropy.Forward([1000f, 900f, -1000f], [0], 3, new float[3], out _);
        Assert.Equal(0, loss, 1e-12);
        Assert.Equal(100, SoftmaxCrossEntropy.Forward([1000f, 900f, -1000f], [1], 3, new float[3], out _), 1e-9);
    }

    [Fact]
    public void Backward_MatchesFiniteDifferencesOfScaledLoss()
    {
        var logits = RandomValues(12, 5, 2.0);
        int[] labels = [3, 0, 2];
        var gradient = new float[12];
        SoftmaxCrossEntropy.Forward(logits, labels, 4, gradient, out _);
        SoftmaxCrossEntropy.Backward(labels, 4, gradient, 1f / 3);
        AssertCoordinates("logits", logits, gradient, () => SoftmaxCrossEntropy.Forward(logits, labels, 4, new float[12], out _) / 3, 1e-3, 2e-3);
    }
}
