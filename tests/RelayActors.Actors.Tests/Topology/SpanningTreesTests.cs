using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Topology;

public sealed class SpanningTreesTests
{
    public static TheoryData<string, int> Graphs => new()
    {
        { "ring-6", 0 },
        { "ring-6", 3 },
        { "ring-17", 5 },
        { "torus-3x3", 0 },
        { "torus-4x5", 7 },
        { "fully-connected-7", 4 },
        { "hypercube-16", 9 },
        { "lollipop", 6 },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void BreadthFirst_ConnectedGraph_IsTreeOfTheGraphsEdgesPreservingDistancesFromRoot(string name, int root)
    {
        var graph = Build(name);
        var tree = SpanningTrees.BreadthFirst(graph, root);

        Assert.True(tree.IsTree);
        Assert.Equal(graph.HopDistances(root), tree.HopDistances(root));
        Assert.All(tree.Edges, edge => Assert.Contains(edge, graph.Edges));
    }

    [Theory]
    [InlineData(0, "0-1,0-5,1-2,2-3,4-5")]
    [InlineData(3, "0-1,1-2,2-3,3-4,4-5")]
    public void BreadthFirst_Ring6_TakesLexicographicallySmallestShortestPaths(int root, string expected)
    {
        // From 0, node 3 is reached by 0,1,2,3 (not 0,5,4,3); from 3, node 0 by 3,2,1,0 (not 3,4,5,0).
        Assert.Equal(expected, string.Join(",", SpanningTrees.BreadthFirst(Topologies.Ring(6), root).Edges));
    }

    [Fact]
    public void BreadthFirst_Torus3x3FromZero_TakesLexicographicallySmallestShortestPaths()
    {
        // Level 1: 1, 2, 3, 6. Node 4 via 0,1,4 (not 0,3,4); 7 via 0,1,7 (not 0,6,7); 5 via 0,2,5; 8 via 0,2,8.
        var tree = SpanningTrees.BreadthFirst(Topologies.Torus(3, 3), 0);
        Assert.Equal("0-1,0-2,0-3,0-6,1-4,1-7,2-5,2-8", string.Join(",", tree.Edges));
    }

    [Fact]
    public void BreadthFirst_FullyConnected_IsStarAroundRoot()
    {
        var tree = SpanningTrees.BreadthFirst(Topologies.FullyConnected(5), 2);
        Assert.Equal("0-2,1-2,2-3,2-4", string.Join(",", tree.Edges));
    }

    [Fact]
    public void BreadthFirst_Tree_ReturnsTheSameEdges()
    {
        var tree = Topologies.BinaryTree(16);
        Assert.Equal(tree.Edges, SpanningTrees.BreadthFirst(tree, 7).Edges);
    }

    [Fact]
    public void BreadthFirst_DisconnectedGraph_ThrowsNamingUnreachableNodes()
    {
        var graph = new Graph(5, [new Edge(0, 1), new Edge(2, 3), new Edge(1, 4)]);
        var ex = Assert.Throws<ArgumentException>(() => SpanningTrees.BreadthFirst(graph, 0));
        Assert.Contains("disconnected", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached: 2, 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BreadthFirst_RootOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpanningTrees.BreadthFirst(Topologies.Ring(4), 4));
    }

    [Theory]
    [InlineData("chain-6", 2)]
    [InlineData("chain-7", 3)]
    [InlineData("star-5", 0)]
    [InlineData("ring-6", 0)]
    [InlineData("lollipop", 3)]
    public void Centre_AnyGraph_IsSmallestNodeOfLeastEccentricity(string name, int centre)
    {
        Assert.Equal(centre, SpanningTrees.Centre(Build(name)));
    }

    [Fact]
    public void MinimumDiameter_Lollipop_RootsAtCentreAndBeatsTreeFromZero()
    {
        // Triangle 0-1-2 with tail 2-3-4-5-6: eccentricities 5,5,4,3,3,4,5, so the centre is 3.
        var graph = Build("lollipop");
        var tree = SpanningTrees.MinimumDiameter(graph);

        Assert.Equal("0-2,1-2,2-3,3-4,4-5,5-6", string.Join(",", tree.Edges));
        Assert.Equal(5, tree.Diameter);
        Assert.Equal(6, SpanningTrees.BreadthFirst(graph, 0).Diameter);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(16)]
    public void MinimumDiameter_Ring_IsPathOfDiameterNMinusOneWithRootDepthHalfN(int n)
    {
        // Every spanning tree of a cycle drops one edge: a path. Rooted at 0, its depth is the ring's radius ⌊n/2⌋.
        var tree = SpanningTrees.MinimumDiameter(Topologies.Ring(n));
        Assert.Equal(n - 1, tree.Diameter);
        Assert.Equal(n / 2, tree.Eccentricity(0));
    }

    [Fact]
    public void MinimumDiameter_Torus3x3_HasDiameterFour()
    {
        // Depth 2 below root 0, and leaves 4 (under 1) and 5 (under 2) are 4 hops apart: 4-1-0-2-5.
        Assert.Equal(4, SpanningTrees.MinimumDiameter(Topologies.Torus(3, 3)).Diameter);
    }

    [Fact]
    public void MinimumDiameter_FullyConnected_IsStarOfDiameterTwo()
    {
        var tree = SpanningTrees.MinimumDiameter(Topologies.FullyConnected(8));
        Assert.Equal(7, tree.Degree(0));
        Assert.Equal(2, tree.Diameter);
    }

    [Fact]
    public void MinimumDiameter_SingleNode_IsSingleNode()
    {
        var tree = SpanningTrees.MinimumDiameter(new Graph(1, []));
        Assert.Equal(1, tree.NodeCount);
        Assert.Empty(tree.Edges);
    }

    [Fact]
    public void MinimumDiameter_DisconnectedGraph_ThrowsNamingUnreachableNodes()
    {
        var graph = new Graph(4, [new Edge(0, 1), new Edge(2, 3)]);
        var ex = Assert.Throws<ArgumentException>(() => SpanningTrees.MinimumDiameter(graph));
        Assert.Contains("cannot be reached: 2, 3", ex.Message, StringComparison.Ordinal);
    }

    private static Graph Build(string name) => name switch
    {
        "ring-6" => Topologies.Ring(6),
        "ring-17" => Topologies.Ring(17),
        "chain-6" => Topologies.Chain(6),
        "chain-7" => Topologies.Chain(7),
        "star-5" => Topologies.Star(5),
        "torus-3x3" => Topologies.Torus(3, 3),
        "torus-4x5" => Topologies.Torus(4, 5),
        "fully-connected-7" => Topologies.FullyConnected(7),
        "hypercube-16" => Topologies.Hypercube(16),
        "lollipop" => new Graph(7, [new(0, 1), new(0, 2), new(1, 2), new(2, 3), new(3, 4), new(4, 5), new(5, 6)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown test graph"),
    };
}
