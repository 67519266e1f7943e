using RelayActors.Models.Data;

namespace RelayActors.Models.Tests.Data;

public sealed class DataSplitTests
{
    [Fact]
    public void ArraySplit_TenIntoThree_FirstChunkTakesTheRemainder()
    {
        var chunks = DataSplit.ArraySplit([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3);

        Assert.Equal(new[] { new[] { 0, 1, 2, 3 }, [4, 5, 6], [7, 8, 9] }, chunks);
    }

    [Fact]
    public void ArraySplit_MorePartsThanItems_TrailingChunksAreEmpty()
    {
        var chunks = DataSplit.ArraySplit([5, 6], 3);

        Assert.Equal(new[] { new[] { 5 }, [6], [] }, chunks);
    }

    [Fact]
    public void Uniform_AnySeed_IsAPartitionWithArraySplitSizes()
    {
        var split = DataSplit.Uniform(1003, 7, seed: 2);

        Assert.Equal(new[] { 144, 144, 143, 143, 143, 143, 143 }, split.Select(shard => shard.Length));
        DirichletSplitTests.AssertPartition(split, 1003);
    }

    [Fact]
    public void Uniform_SameSeed_GivesIdenticalSplit()
    {
        Assert.Equal(DataSplit.Uniform(500, 4, seed: 9), DataSplit.Uniform(500, 4, seed: 9));
    }

    [Fact]
    public void Uniform_DifferentSeed_GivesDifferentSplit()
    {
        Assert.NotEqual(DataSplit.Uniform(500, 4, seed: 9)[0], DataSplit.Uniform(500, 4, seed: 10)[0]);
    }

    [Fact]
    public void Uniform_FewerSamplesThanWorkers_ThrowsNamingCounts()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Uniform(3, 4, seed: 1));

        Assert.Contains("3 samples among 4 workers", error.Message, StringComparison.Ordinal);
    }
}
