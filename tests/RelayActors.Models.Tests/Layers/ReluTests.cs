using RelayActors.Models.Data;
using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;
using static RelayActors.Models.Tests.Layers.LayerGradientCheck;

namespace RelayActors.Models.Tests.Layers;

public sealed class ReluTests
{
    [Fact]
    public void Forward_ClampsNegativesToZero()
    {
        var layer = new Relu("relu", new ImageShape(5, 1, 1));
        var output = new float[5];
        var random = default(StepRandom);
        layer.Forward(new LayerCall(1, true, 1, [], ref random), [], [-2, -0f, 0, 0.5f, 3], output);
        Assert.Equal([0, 0, 0, 0.5f, 3], output);
    }

    [Fact]
    public void Backward_MatchesFiniteDifferences()
    {
        // 2 × 3×5×7 = 210 values: exercises the vector loop and its scalar tail.
        var layer = new Relu("relu", new ImageShape(3, 5, 7));
        AssertGradients(layer, [], AwayFromZero(210, 4), 2, 1e-2, 1e-3);
    }
}
