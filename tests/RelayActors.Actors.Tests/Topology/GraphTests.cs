using RelayActors.Actors.Topology;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Tests.Topology;

public sealed class GraphTests
{
    public static TheoryData<TopologyKind, int> AllKinds => new()
    {
        { TopologyKind.Chain, 16 },
        { TopologyKind.Ring, 16 },
        { TopologyKind.Star, 16 },
        { TopologyKind.BinaryTree, 16 },
        { TopologyKind.FullyConnected, 16 },
        { TopologyKind.BinaryTree, 11 },
    };

    [Fact]
    public void Constructor_RepeatedEdge_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Graph(3, [new Edge(0, 1), new Edge(1, 0)]));
        Assert.Contains("0-1 appears twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NodeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Graph(3, [new Edge(1, 3)]));
    }

    [Fact]
    public void Edge_SelfLoop_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Edge(2, 2));
    }

    [Fact]
    public void Neighbours_AnyInsertionOrder_AreSorted()
    {
        var graph = new Graph(4, [new Edge(3, 1), new Edge(1, 0), new Edge(2, 1)]);
        Assert.Equal([0, 2, 3], graph.Neighbours(1).ToArray());
    }

    [Fact]
    public void Diameter_DisconnectedGraph_Throws()
    {
        var graph = new Graph(4, [new Edge(0, 1), new Edge(2, 3)]);
        Assert.False(graph.IsConnected);
        Assert.False(graph.IsTree);
        Assert.Equal([-1, -1, 0, 1], graph.HopDistances(2));
        Assert.Throws<InvalidOperationException>(() => graph.Diameter);
    }

    [Fact]
    public void IsTree_ConnectedWithCycle_IsFalse()
    {
        var graph = new Graph(4, [new Edge(0, 1), new Edge(1, 2), new Edge(2, 0)]);
        Assert.False(graph.IsTree);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void MetropolisHastingsWeights_AnyTopology_AreSymmetricAndDoublyStochastic(TopologyKind kind, int n)
    {
        var w = Topologies.Create(kind, n).MetropolisHastingsWeights();
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(1.0, w[i].Sum(), 1e-12);
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(w[i][j], w[j][i]);
                Assert.True(w[i][j] >= 0, $"W[{i}][{j}] = {w[i][j]} is negative");
            }
        }
    }

    [Fact]
    public void MetropolisHastingsWeights_Ring_AreAllOneThird()
    {
        var ring = Topologies.Ring(16);
        Assert.Equal(1.0 / 3, ring.MetropolisHastingsWeight(0, 1));
        Assert.Equal(1.0 / 3, ring.MetropolisHastingsWeight(0, 15));
        Assert.Equal(1.0 / 3, ring.MetropolisHastingsSelfWeight(0), 1e-15);
        Assert.Equal(0.0, ring.MetropolisHastingsWeight(0, 2));
    }

    [Fact]
    public void MetropolisHastingsWeights_ChainEnd_KeepsTwoThirds()
    {
        var chain = Topologies.Chain(5);
        Assert.Equal(2.0 / 3, chain.MetropolisHastingsSelfWeight(0), 1e-15);
        Assert.Equal(1.0 / 3, chain.MetropolisHastingsWeight(0, 1));
        Assert.Equal(1.0 / 3, chain.MetropolisHastingsSelfWeight(2), 1e-15);
    }

    [Fact]
    public void MetropolisHastingsWeights_BinaryTreeBetweenDegreeThreeNodes_IsOneQuarter()
    {
        var tree = Topologies.BinaryTree(16);
        Assert.Equal(0.25, tree.MetropolisHastingsWeight(1, 2));
        Assert.Equal(0.25, tree.MetropolisHastingsWeight(2, 4));
        Assert.Equal(0.25, tree.MetropolisHastingsWeight(4, 8));
    }

    [Fact]
    public void MetropolisHastingsWeights_Ring16_SecondEigenvalueMatchesF3()
    {
        var eigenvalues = SymmetricEigenvalues.Compute(Topologies.Ring(16).MetropolisHastingsWeights());
        Assert.Equal(1.0, eigenvalues[0], 1e-12);
        Assert.Equal((1.0 / 3) + (2.0 / 3 * Math.Cos(2 * Math.PI / 16)), eigenvalues[1], 1e-12);
        Assert.Equal(0.9493, eigenvalues[1], 4);
    }

    [Fact]
    public void MetropolisHastingsWeights_Chain16_SecondEigenvalueMatchesF3()
    {
        var eigenvalues = SymmetricEigenvalues.Compute(Topologies.Chain(16).MetropolisHastingsWeights());
        Assert.Equal(1.0, eigenvalues[0], 1e-12);
        Assert.Equal((1.0 / 3) + (2.0 / 3 * Math.Cos(Math.PI / 16)), eigenvalues[1], 1e-12);
        Assert.Equal(0.9872, eigenvalues[1], 4);
    }

    [Fact]
    public void SpectralGap_Ring16_IsOneMinusF3SecondEigenvalue()
    {
        // λ₂ = 1/3 + 2/3·cos(2π/16) ≈ 0.9493 dominates |λ_n| = 1/3.
        var gap = Topologies.Ring(16).SpectralGap;
        Assert.Equal(1.0 - ((1.0 / 3) + (2.0 / 3 * Math.Cos(2 * Math.PI / 16))), gap, 1e-12);
        Assert.Equal(0.0507, gap, 4);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(16)]
    public void SpectralGap_FullyConnected_IsOne(int n)
    {
        // MH weights are all 1/n: W = J/n has eigenvalues 1, 0, …, 0.
        Assert.Equal(1.0, Topologies.FullyConnected(n).SpectralGap, 1e-12);
    }

    [Fact]
    public void SpectralGap_StarOfThree_IsOneThird()
    {
        // W = [[1/3,1/3,1/3],[1/3,2/3,0],[1/3,0,2/3]]: eigenvalues 1, 2/3 (on (0,1,−1)) and 0 (trace 5/3).
        Assert.Equal(1.0 / 3, Topologies.Star(3).SpectralGap, 1e-12);
    }

    [Fact]
    public void SpectralGap_Ring4_IsLimitedByMostNegativeEigenvalue()
    {
        // Ring of 4, MH 1/3: eigenvalues 1/3 + 2/3·cos(2πk/4) = 1, 1/3, 1/3, −1/3; the gap is 2/3.
        Assert.Equal(2.0 / 3, Topologies.Ring(4).SpectralGap, 1e-12);
    }

    [Fact]
    public void SpectralGap_DisconnectedGraph_IsZero()
    {
        Assert.Equal(0.0, new Graph(4, [new Edge(0, 1), new Edge(2, 3)]).SpectralGap, 1e-12);
    }

    [Fact]
    public void SpectralGap_SingleNode_IsOne()
    {
        Assert.Equal(1.0, new Graph(1, []).SpectralGap);
    }
}
