using RelayActors.Actors.Workers;

namespace RelayActors.Actors.Tests.Workers;

public sealed class ConsensusInputsTests
{
    [Fact]
    public void Create_Index_GivesWorkerIds()
    {
        Assert.Equal([0f, 1f, 2f, 3f], ConsensusInputs.Create(InitialValues.Index, 4, 0).Select(v => v.Single()));
    }

    [Fact]
    public void Create_OneHot_PutsNOnWorkerZero()
    {
        Assert.Equal([5f, 0f, 0f, 0f, 0f], ConsensusInputs.Create(InitialValues.OneHot, 5, 0).Select(v => v.Single()));
    }

    [Fact]
    public void Create_RandomSameSeed_IsIdenticalAndOtherSeedDiffers()
    {
        var first = ConsensusInputs.Create(InitialValues.Random, 9, 42).Select(v => v.Single()).ToArray();
        var second = ConsensusInputs.Create(InitialValues.Random, 9, 42).Select(v => v.Single()).ToArray();
        var other = ConsensusInputs.Create(InitialValues.Random, 9, 43).Select(v => v.Single()).ToArray();
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Create_RandomManyValues_HaveStandardNormalMoments()
    {
        // Seeded, so deterministic; the bounds are ~5 standard errors wide for 20,000 samples.
        var values = ConsensusInputs.Create(InitialValues.Random, 20_000, 1).Select(v => (double)v.Single()).ToArray();
        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.04, 0.04);
        Assert.InRange(variance, 0.95, 1.05);
    }

    [Theory]
    [InlineData("index", InitialValues.Index)]
    [InlineData("one-hot", InitialValues.OneHot)]
    [InlineData("random", InitialValues.Random)]
    public void InitialValuesNames_KebabName_RoundTrips(string name, InitialValues kind)
    {
        Assert.True(InitialValuesNames.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(name, InitialValuesNames.Format(kind));
    }
}
