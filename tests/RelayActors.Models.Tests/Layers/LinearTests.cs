using RelayActors.Models.Data;
using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;
using static RelayActors.Models.Tests.Layers.LayerGradientCheck;

namespace RelayActors.Models.Tests.Layers;

public sealed class LinearTests
{
    [Fact]
    public void Forward_SmallCase_IsInputTimesWeightTransposedPlusBias()
    {
        // W = [[1, 2, 3], [−1, 0, 1]], b = [0.5, −0.5]; x = [1, 1, 2] → y = [1 + 2 + 6 + 0.5, −1 + 0 + 2 − 0.5] = [9.5, 0.5].
        var layer = new Linear("fc", new ImageShape(3, 1, 1), 2);
        var output = new float[2];
        var random = default(StepRandom);
        layer.Forward(new LayerCall(1, false, 1, [], ref random), [1, 2, 3, -1, 0, 1, 0.5f, -0.5f], [1, 1, 2], output);
        Assert.Equal([9.5f, 0.5f], output);
    }

    [Fact]
    public void Backward_MatchesFiniteDifferences()
    {
        var layer = new Linear("fc", new ImageShape(2, 2, 3), 5);
        AssertGradients(layer, RandomValues(layer.ParameterCount, 1, 0.5), RandomValues(3 * 12, 2, 1.0), 3, 1e-2, 1e-3);
    }

    [Fact]
    public void Initialize_WeightsAndBias_AreUniformWithinInverseSqrtFanIn()
    {
        var layer = new Linear("fc", new ImageShape(400, 1, 1), 120);
        var parameters = new float[layer.ParameterCount];
        var random = new StepRandom(9);
        layer.Initialize(parameters, ref random);
        var bound = 1 / Math.Sqrt(400);
        Assert.All(parameters, p => Assert.InRange(p, -bound, bound));
        // U(−a, a) has variance a²/3; with 48,120 draws the sample variance is within 2 % of it.
        var variance = parameters.Select(p => (double)p * p).Average();
        Assert.Equal(bound * bound / 3, variance, bound * bound / 3 * 0.02);
    }
}
