using RelayActors.Models.Data;
using RelayActors.Models.Layers;
using static RelayActors.Models.Tests.Layers.LayerGradientCheck;

namespace RelayActors.Models.Tests.Layers;

public sealed class FlattenTests
{
    [Fact]
    public void Output_IsOneFeatureVectorPerSample()
    {
        Assert.Equal(new ImageShape(60, 1, 1), new Flatten("flatten", new ImageShape(3, 4, 5)).Output);
    }

    [Fact]
    public void Backward_MatchesFiniteDifferences()
    {
        AssertGradients(new Flatten("flatten", new ImageShape(2, 3, 2)), [], RandomValues(24, 3, 1.0), 2, 1e-2, 1e-3);
    }
}
