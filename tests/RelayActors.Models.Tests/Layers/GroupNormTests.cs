using RelayActors.Models.Data;
using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;
using static RelayActors.Models.Tests.Layers.LayerGradientCheck;

namespace RelayActors.Models.Tests.Layers;

public sealed class GroupNormTests
{
    [Fact]
    public void Forward_UnitWeightZeroBias_NormalisesEachGroup()
    {
        var layer = new GroupNorm("norm", new ImageShape(4, 3, 3), 2);
        var parameters = new float[layer.ParameterCount];
        var random = default(StepRandom);
        layer.Initialize(parameters, ref random);
        var output = new float[2 * 36];
        layer.Forward(new LayerCall(2, false, 1, new float[layer.ScratchLength(2)], ref random), parameters, RandomValues(72, 1, 3.0), output);
        for (var group = 0; group < 4; group++)
        {
            var values = output.AsSpan(group * 18, 18).ToArray().Select(v => (double)v).ToArray();
            var mean = values.Average();
            Assert.Equal(0, mean, 1e-6);
            // Biased variance σ²/(σ² + ε) is 1 up to ε / σ² ≈ 1e-5 for inputs of spread ±3.
            Assert.Equal(1, values.Select(v => (v - mean) * (v - mean)).Average(), 1e-4);
        }
    }

    [Fact]
    public void Backward_MatchesFiniteDifferences()
    {
        // Smooth layer: ε = 1e-3, tolerance 5e-3 (float32 rounding of y over 2ε dominates).
        var layer = new GroupNorm("norm", new ImageShape(4, 3, 2), 2);
        var parameters = RandomValues(layer.ParameterCount, 2, 1.0);
        AssertGradients(layer, parameters, RandomValues(2 * 24, 3, 2.0), 2, 1e-3, 5e-3);
    }

    [Fact]
    public void Constructor_GroupsNotDividingChannels_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GroupNorm("norm", new ImageShape(6, 2, 2), 4));
    }
}
