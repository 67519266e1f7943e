using RelayActors.Models.Data;
using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;
using static RelayActors.Models.Tests.Layers.LayerGradientCheck;

namespace RelayActors.Models.Tests.Layers;

public sealed class DropoutTests
{
    [Fact]
    public void Backward_FixedMask_MatchesFiniteDifferences()
    {
        AssertGradients(new Dropout("dropout", new ImageShape(4, 3, 3), 0.5f), [], RandomValues(72, 6, 1.0), 2, 1e-2, 1e-3);
    }

    [Fact]
    public void Forward_Training_ZeroesAboutPAndScalesSurvivorsByInverseKeepRate()
    {
        var layer = new Dropout("dropout", new ImageShape(10_000, 1, 1), 0.25f);
        var input = new float[10_000];
        Array.Fill(input, 3f);
        var output = new float[10_000];
        var random = new StepRandom(1);
        layer.Forward(new LayerCall(1, true, 1, new float[layer.ScratchLength(1)], ref random), [], input, output);
        Assert.All(output, y => Assert.True(y == 0f || y == 4f, $"unexpected {y}"));
        // Zeros ~ Binomial(10,000, 0.25): mean 2,500, σ ≈ 43; ±5σ.
        Assert.InRange(output.Count(y => y == 0f), 2_283, 2_717);
    }

    [Fact]
    public void Forward_Evaluation_IsIdentityAndDrawsNothing()
    {
        var layer = new Dropout("dropout", new ImageShape(6, 1, 1), 0.5f);
        float[] input = [1, -2, 3, -4, 5, -6];
        var output = new float[6];
        var random = new StepRandom(1);
        var before = random;
        layer.Forward(new LayerCall(1, false, 1, new float[layer.ScratchLength(1)], ref random), [], input, output);
        Assert.Equal(input, output);
        Assert.Equal(before.NextUInt64(), random.NextUInt64());
    }
}
