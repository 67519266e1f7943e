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
    [InlineData(TopologyKind.Hypercube, 8)]
    [InlineData(TopologyKind.SocialNetwork, 32)]
    [InlineData(TopologyKind.ReversedBinaryTree, 7)]
    [InlineData(TopologyKind.TernaryTree, 7)]
    [InlineData(TopologyKind.Torus, 12)]
    [InlineData(TopologyKind.Exponential, 7)]
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
    [InlineData("hypercube", TopologyKind.Hypercube)]
    [InlineData("social-network", TopologyKind.SocialNetwork)]
    [InlineData("reversed-binary-tree", TopologyKind.ReversedBinaryTree)]
    [InlineData("ternary-tree", TopologyKind.TernaryTree)]
    [InlineData("torus", TopologyKind.Torus)]
    [InlineData("exponential", TopologyKind.Exponential)]
    public void TopologyKindNames_KebabName_RoundTrips(string name, TopologyKind kind)
    {
        Assert.True(TopologyKindNames.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(name, TopologyKindNames.Format(kind));
    }

    [Fact]
    public void TopologyKindNames_UnknownName_ThrowsListingValidNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => TopologyKindNames.Parse("klein-bottle"));
        Assert.Contains("chain, ring, star, binary-tree, fully-connected, hypercube, social-network, reversed-binary-tree, ternary-tree, torus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopologyKindNames_All_NamesEveryKindOnceInDeclarationOrder()
    {
        Assert.Equal(Enum.GetValues<TopologyKind>().Select(TopologyKindNames.Format), TopologyKindNames.All);
    }

    [Fact]
    public void ReversedBinaryTree_SixteenNodes_HasSpecEdgeList()
    {
        // spec §3, BinaryTreeTopology(16, reverse=True): w → 15 − w.
        var expected = "0-8,1-8,2-9,3-9,4-10,5-10,6-11,7-11,8-12,9-12,10-13,11-13,12-14,13-14,14-15";
        Assert.Equal(expected, string.Join(",", Topologies.ReversedBinaryTree(16).Edges));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(11)]
    [InlineData(16)]
    public void ReversedBinaryTree_NNodes_IsTreeWithSameDiameterAsBinaryTree(int n)
    {
        var reversed = Topologies.ReversedBinaryTree(n);
        Assert.True(reversed.IsTree);
        Assert.Equal(Topologies.BinaryTree(n).Diameter, reversed.Diameter);
    }

    [Fact]
    public void ReversedBinaryTree_SixteenNodes_InternalNodesAreLeavesOfBinaryTree()
    {
        // The double-binary-trees property for n = 16: the 7 internal nodes 8..14 of the reversed tree
        // are leaves of the forward tree (plus node 15, a leaf of both).
        var forward = Topologies.BinaryTree(16);
        var reversed = Topologies.ReversedBinaryTree(16);
        Assert.All(Enumerable.Range(0, 16).Where(w => reversed.Degree(w) > 1), w => Assert.Equal(1, forward.Degree(w)));
    }

    [Fact]
    public void Tree_TenNodesDegreeThree_RootHasThreeChildrenOthersTwo()
    {
        var tree = Topologies.Tree(10, 3);
        Assert.Equal("0-1,0-2,0-3,1-4,1-5,2-6,2-7,3-8,3-9", string.Join(",", tree.Edges));
        Assert.Equal(4, tree.Diameter);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(4, 3)]
    [InlineData(16, 3)]
    [InlineData(40, 3)]
    [InlineData(16, 2)]
    [InlineData(30, 5)]
    public void Tree_NNodesDegreeK_IsTreeWithEveryDegreeAtMostK(int n, int k)
    {
        var tree = Topologies.Tree(n, k);
        Assert.True(tree.IsTree);
        Assert.All(Enumerable.Range(0, n), w => Assert.InRange(tree.Degree(w), 0, k));
    }

    [Fact]
    public void Tree_FortyNodesDegreeThree_EveryInternalNodeHasDegreeThree()
    {
        // parent(w) = 1 + ⌊(w − 4)/2⌋ for w ≥ 4, so parent(39) = 18: node 0 has 3 children, 1..18 two each
        // (3 + 36 = 39 edges), and 19..39 are leaves.
        var tree = Topologies.Tree(40, 3);
        Assert.All(Enumerable.Range(0, 19), w => Assert.Equal(3, tree.Degree(w)));
        Assert.All(Enumerable.Range(19, 21), w => Assert.Equal(1, tree.Degree(w)));
    }

    [Fact]
    public void Tree_DegreeOne_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Topologies.Tree(5, 1));
        Assert.Equal("degree", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Hypercube_TwoToTheD_HasDiameterDAndEveryDegreeD(int d)
    {
        var n = 1 << d;
        var cube = Topologies.Hypercube(n);
        Assert.Equal(d, cube.Diameter);
        Assert.Equal(d * n / 2, cube.Edges.Count);
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(d, cube.Degree(i)));
    }

    [Fact]
    public void Hypercube_EightNodes_JoinsNodesDifferingInOneBit()
    {
        Assert.Equal("0-1,0-2,0-4,1-3,1-5,2-3,2-6,3-7,4-5,4-6,5-7,6-7", string.Join(",", Topologies.Hypercube(8).Edges));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(12)]
    public void Create_HypercubeOfNonPowerOfTwo_ThrowsNamingValidSizes(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Topologies.Create(TopologyKind.Hypercube, n));
        Assert.Contains("power of two", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1, 2, 4, 8, 16", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"got {n}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TopologyKind.Hypercube, 16, true)]
    [InlineData(TopologyKind.Hypercube, 1, true)]
    [InlineData(TopologyKind.Hypercube, 12, false)]
    [InlineData(TopologyKind.Ring, 2, false)]
    [InlineData(TopologyKind.Ring, 3, true)]
    [InlineData(TopologyKind.Chain, 1, true)]
    [InlineData(TopologyKind.Chain, 0, false)]
    [InlineData(TopologyKind.Exponential, 1, false)]
    [InlineData(TopologyKind.Exponential, 2, true)]
    public void Accepts_KindAndSize_MatchesWhatCreateBuilds(TopologyKind kind, int n, bool accepted)
    {
        Assert.Equal(accepted, Topologies.Accepts(kind, n));
    }

    [Fact]
    public void MinimumNodes_EveryKind_IsAcceptedByCreate()
    {
        Assert.All(Enum.GetValues<TopologyKind>(), kind =>
        {
            var minimum = Topologies.MinimumNodes(kind);
            Assert.Equal(minimum, Topologies.Create(kind, minimum).NodeCount);
            Assert.False(Topologies.Accepts(kind, minimum - 1));
        });
    }

    [Theory]
    [InlineData(1, 1, 0, 0)]
    [InlineData(1, 2, 1, 1)]
    [InlineData(1, 5, 5, 2)]
    [InlineData(2, 2, 4, 2)]
    [InlineData(2, 3, 9, 2)]
    [InlineData(3, 3, 18, 2)]
    [InlineData(3, 5, 30, 3)]
    [InlineData(4, 4, 32, 4)]
    [InlineData(5, 6, 60, 5)]
    public void Torus_RowsByCols_HasExpectedEdgeCountAndDiameterHalfRowsPlusHalfCols(int rows, int cols, int edges, int diameter)
    {
        // Sides of 2 collapse the two wraparound edges into one; sides of 1 add none.
        var torus = Topologies.Torus(rows, cols);
        Assert.Equal(rows * cols, torus.NodeCount);
        Assert.Equal(edges, torus.Edges.Count);
        Assert.Equal(diameter, torus.Diameter);
        Assert.Equal((rows / 2) + (cols / 2), torus.Diameter);
    }

    [Fact]
    public void Torus_ThreeByThree_JoinsFourWraparoundNeighbours()
    {
        // Node 4 = (1, 1): up 1, left 3, right 5, down 7. Node 0 = (0, 0): right 1, left 2, down 3, up 6.
        var torus = Topologies.Torus(3, 3);
        Assert.Equal([1, 3, 5, 7], torus.Neighbours(4).ToArray());
        Assert.Equal([1, 2, 3, 6], torus.Neighbours(0).ToArray());
    }

    [Theory]
    [InlineData(16, 32, 4)]
    [InlineData(12, 24, 3)]
    [InlineData(7, 7, 3)]
    [InlineData(1, 0, 0)]
    public void Torus_NNodes_IsSquarestFactorisation(int n, int edges, int diameter)
    {
        // 16 = 4 × 4, 12 = 3 × 4, prime 7 = 1 × 7 (a ring).
        var torus = Topologies.Torus(n);
        Assert.Equal(n, torus.NodeCount);
        Assert.Equal(edges, torus.Edges.Count);
        Assert.Equal(diameter, torus.Diameter);
    }

    [Fact]
    public void IsTreeKind_EveryKind_MatchesWhetherItsGraphsAreTrees()
    {
        TopologyKind[] trees = [TopologyKind.Chain, TopologyKind.Star, TopologyKind.BinaryTree, TopologyKind.ReversedBinaryTree, TopologyKind.TernaryTree];
        Assert.Equal(trees, Enum.GetValues<TopologyKind>().Where(Topologies.IsTreeKind));
        Assert.All(trees, kind => Assert.True(Topologies.Create(kind, 16).IsTree, $"{kind} of 16 is not a tree"));
    }

    [Fact]
    public void Create_TernaryTree_IsTreeOfDegreeThree()
    {
        Assert.Equal(Topologies.Tree(13, 3).Edges, Topologies.Create(TopologyKind.TernaryTree, 13).Edges);
    }

    [Fact]
    public void Create_TorusOfSixteen_IsFourByFour()
    {
        var torus = Topologies.Create(TopologyKind.Torus, 16);
        Assert.Equal(32, torus.Edges.Count);
        Assert.Equal(4, torus.Diameter);
    }

    [Fact]
    public void Exponential_EightNodes_JoinsEveryPairAtDistanceOneTwoOrFourAroundTheCycle()
    {
        // Shifts 1, 2, 4 (D = 3): i ~ i ± 1, i ± 2, i + 4 (= i − 4), so 8 + 8 + 4 edges and every degree 5.
        var graph = Topologies.Create(TopologyKind.Exponential, 8);

        var expected = new HashSet<Edge>();
        for (var i = 0; i < 8; i++)
            foreach (var shift in new[] { 1, 2, 4 })
                expected.Add(new Edge(i, (i + shift) % 8));
        Assert.Equal(expected.OrderBy(e => (e.A, e.B)), graph.Edges.OrderBy(e => (e.A, e.B)));
        Assert.Equal(20, graph.Edges.Count);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal(5, graph.Neighbours(i).Length));
    }

    [Fact]
    public void Exponential_SixNodes_UsesEveryPeerOfTheSchedule()
    {
        var schedule = new ExponentialSchedule(6);
        var graph = Topologies.Exponential(6);

        for (var round = 0; round < schedule.Period; round++)
            for (var i = 0; i < 6; i++)
                Assert.Contains(new Edge(i, schedule.SendTo(i, round)), graph.Edges);
        Assert.Equal(6 + 6, graph.Edges.Count);   // shifts 1, 2, 4 of 6: i + 4 is i − 2, so shift 4 adds no new pair
    }
}
