using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Topology;

public sealed class TopologiesTests
{
    [Fact]
    public void BinaryTree_SixteenNodes_HasSpecEdgeList()
    {
        // spec §3, BinaryTreeTopology(16) of the reference code.
        var expected = "0-1,1-2,1-3,2-4,2-5,3-6,3-7,4-8,4-9,5-10,5-11,6-12,6-13,7-14,7-15";
        Assert.Equal(expected, string.Join(",", Topologies.BinaryTree(16).Edges));
    }

    [Fact]
    public void BinaryTree_SixteenNodes_HasDiameterSixAndMaxDegreeThree()
    {
        var tree = Topologies.BinaryTree(16);
        Assert.Equal(6, tree.Diameter);
        Assert.Equal(3, Enumerable.Range(0, 16).Max(tree.Degree));
        Assert.True(tree.IsTree);
    }

    [Fact]
    public void BinaryTree_SixteenNodes_HopDistancesFromZeroFollowHeapLevels()
    {
        // 0 hangs off heap root 1: level of w ≥ 1 is ⌊log2 w⌋, plus one hop to reach 0.
        int[] expected = [0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4];
        Assert.Equal(expected, Topologies.BinaryTree(16).HopDistances(0));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(33)]
    public void Chain_NNodes_HasDiameterNMinusOneAndEndDegreesOne(int n)
    {
        var chain = Topologies.Chain(n);
        Assert.Equal(n - 1, chain.Diameter);
        Assert.Equal(1, chain.Degree(0));
        Assert.Equal(1, chain.Degree(n - 1));
        Assert.All(Enumerable.Range(1, n - 2), i => Assert.Equal(2, chain.Degree(i)));
        Assert.True(chain.IsTree);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(32)]
    public void Star_NNodes_HasDiameterTwoAndHubDegreeNMinusOne(int n)
    {
        var star = Topologies.Star(n);
        Assert.Equal(2, star.Diameter);
        Assert.Equal(n - 1, star.Degree(0));
        Assert.True(star.IsTree);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(16, 8)]
    [InlineData(17, 8)]
    public void Ring_NNodes_HasDiameterHalfNAndIsNotATree(int n, int diameter)
    {
        var ring = Topologies.Ring(n);
        Assert.Equal(diameter, ring.Diameter);
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(2, ring.Degree(i)));
        Assert.False(ring.IsTree);
    }

    [Fact]
    public void Ring_TwoNodes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Topologies.Ring(2));
    }

    [Fact]
    public void FullyConnected_SixNodes_HasFifteenEdgesAndDiameterOne()
    {
        var graph = Topologies.FullyConnected(6);
        Assert.Equal(15, graph.Edges.Count);
        Assert.Equal(1, graph.Diameter);
        Assert.False(graph.IsTree);
    }

    [Theory]
    [InlineData(TopologyKind.Chain, 7)]
    [InlineData(TopologyKind.Ring, 7)]
    [InlineData(TopologyKind.Star, 7)]
    [InlineData(TopologyKind.BinaryTree, 7)]
    [InlineData(TopologyKind.FullyConnected, 7)]
    public void Create_EveryKind_BuildsConnectedGraphOfNNodes(TopologyKind kind, int n)
    {
        var graph = Topologies.Create(kind, n);
        Assert.Equal(n, graph.NodeCount);
        Assert.True(graph.IsConnected);
    }

    [Theory]
    [InlineData("chain", TopologyKind.Chain)]
    [InlineData("ring", TopologyKind.Ring)]
    [InlineData("star", TopologyKind.Star)]
    [InlineData("binary-tree", TopologyKind.BinaryTree)]
    [InlineData("fully-connected", TopologyKind.FullyConnected)]
    public void TopologyKindNames_KebabName_RoundTrips(string name, TopologyKind kind)
    {
        Assert.True(TopologyKindNames.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(name, TopologyKindNames.Format(kind));
    }

    [Fact]
    public void TopologyKindNames_UnknownName_ThrowsListingValidNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => TopologyKindNames.Parse("torus"));
        Assert.Contains("chain, ring, star, binary-tree, fully-connected", ex.Message, StringComparison.Ordinal);
    }
}
