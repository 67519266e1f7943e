using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Topology;

public sealed class RandomGraphsTests
{
    [Theory]
    [InlineData(16, 0.3, 1)]
    [InlineData(32, 0.2, 7)]
    [InlineData(5, 1.0, 3)]
    public void ErdosRenyi_SameSeed_GivesSameConnectedGraph(int n, double p, int seed)
    {
        var first = RandomGraphs.ErdosRenyi(n, p, seed);
        var second = RandomGraphs.ErdosRenyi(n, p, seed);

        Assert.Equal(first.Edges, second.Edges);
        Assert.Equal(n, first.NodeCount);
        Assert.True(first.IsConnected);
    }

    [Fact]
    public void ErdosRenyi_DifferentSeeds_GiveDifferentGraphs()
    {
        Assert.NotEqual(RandomGraphs.ErdosRenyi(20, 0.3, 1).Edges, RandomGraphs.ErdosRenyi(20, 0.3, 2).Edges);
    }

    [Fact]
    public void ErdosRenyi_ProbabilityOne_IsFullyConnected()
    {
        Assert.Equal(Topologies.FullyConnected(6).Edges, RandomGraphs.ErdosRenyi(6, 1.0, 42).Edges);
    }

    [Fact]
    public void ErdosRenyi_ProbabilityZero_ThrowsAfterMaxAttempts()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RandomGraphs.ErdosRenyi(4, 0.0, 1, maxAttempts: 5));
        Assert.Contains("No connected G(4, 0) with seed 1 in 5 draws", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErdosRenyi_SingleNode_HasNoEdges()
    {
        Assert.Empty(RandomGraphs.ErdosRenyi(1, 0.0, 1).Edges);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ErdosRenyi_ProbabilityOutsideUnitInterval_Throws(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RandomGraphs.ErdosRenyi(4, p, 1));
        Assert.Equal("probability", ex.ParamName);
    }

    [Theory]
    [InlineData(16, 0.45, 1)]
    [InlineData(30, 0.35, 9)]
    public void Geometric_SameSeed_GivesSameConnectedGraph(int n, double radius, int seed)
    {
        var first = RandomGraphs.Geometric(n, radius, seed);

        Assert.Equal(first.Edges, RandomGraphs.Geometric(n, radius, seed).Edges);
        Assert.Equal(n, first.NodeCount);
        Assert.True(first.IsConnected);
    }

    [Fact]
    public void Geometric_RadiusAboveSquareDiagonal_IsFullyConnected()
    {
        // Any two points of the unit square are at most √2 ≈ 1.415 apart.
        Assert.Equal(Topologies.FullyConnected(7).Edges, RandomGraphs.Geometric(7, 1.5, 3).Edges);
    }

    [Fact]
    public void Geometric_RadiusZero_ThrowsAfterMaxAttempts()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RandomGraphs.Geometric(3, 0.0, 1, maxAttempts: 2));
        Assert.Contains("in 2 draws", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Geometric_NegativeRadius_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RandomGraphs.Geometric(3, -1.0, 1));
        Assert.Equal("radius", ex.ParamName);
    }
}
