using RelayActors.Actors.Distributed;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Distributed;

public sealed class HostAwareTreeTests
{
    public static TheoryData<int, int> Shapes => new()
    {
        { 1, 1 },
        { 1, 5 },
        { 2, 1 },
        { 3, 2 },
        { 4, 4 },
        { 5, 3 },
        { 8, 8 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Build_IsSpanningTreeWithHostsMinusOneInterHostEdges(int hosts, int perHost)
    {
        var placement = Placement.Assign(Cluster(hosts, perHost), hosts * perHost);

        var tree = HostAwareTree.Build(placement);

        Assert.True(tree.IsTree);
        Assert.Equal(hosts * perHost - 1, tree.Edges.Count);
        Assert.Equal(hosts - 1, HostAwareTree.InterHostEdges(tree, placement));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Build_EachHostsWorkersAreConnectedAmongThemselves(int hosts, int perHost)
    {
        var placement = Placement.Assign(Cluster(hosts, perHost), hosts * perHost);
        var tree = HostAwareTree.Build(placement);

        foreach (var host in placement.Hosts)
        {
            var local = placement.WorkersOnHost(host);
            var inside = tree.Edges.Where(e => local.Contains(e.A) && local.Contains(e.B))
                .Select(e => new Edge(e.A - local[0], e.B - local[0]));
            Assert.True(new Graph(local.Count, inside).IsTree, host);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(23)]
    public void Build_OneHost_IsTheBinaryTree(int workers)
    {
        var placement = Placement.Assign([new NodeSlot("a", "only", workers)], workers);

        Assert.Equal(Topologies.BinaryTree(workers).Edges, HostAwareTree.Build(placement).Edges);
    }

    [Fact]
    public void Build_ThreeHostsOfTwo_JoinsGatewaysAlongTheHostBinaryTree()
    {
        var placement = Placement.Assign(Cluster(3, 2), 6);

        var tree = HostAwareTree.Build(placement);

        // Inside hosts 0-1, 2-3, 4-5; hosts 0, 1, 2 as BinaryTree(3) = 0-1, 1-2, joined through first workers 0, 2, 4.
        Assert.Equal("0-1,0-2,2-3,2-4,4-5", string.Join(",", tree.Edges));
    }

    [Fact]
    public void Build_TwoHostsOfFourAndThree_HandChecked()
    {
        NodeSlot[] nodes = [new("b", "h2", 3), new("a", "h1", 4)];

        var tree = HostAwareTree.Build(Placement.Assign(nodes, 7));

        // h1 = 0..3: BinaryTree(4) = 0-1, 1-2, 1-3; h2 = 4..6: 4-5, 5-6; gateways 0-4.
        Assert.Equal("0-1,0-4,1-2,1-3,4-5,5-6", string.Join(",", tree.Edges));
    }

    [Fact]
    public void Build_PermutedNodes_GivesTheSameTree()
    {
        var nodes = Cluster(5, 3);
        var expected = HostAwareTree.Build(Placement.Assign(nodes, 15)).Edges;
        var random = new Random(11);

        for (var trial = 0; trial < 10; trial++)
        {
            var permuted = nodes.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(expected, HostAwareTree.Build(Placement.Assign(permuted, 15)).Edges);
        }
    }

    [Fact]
    public void Build_SixtyFourHostsOfEight_KeepsDiameterLogarithmic()
    {
        var tree = HostAwareTree.Build(Placement.Assign(Cluster(64, 8), 512));

        // Host tree BinaryTree(64) has diameter 11; each end adds at most the gateway's eccentricity in its host (3 for 8).
        Assert.InRange(tree.Diameter, 1, 11 + 3 + 3);
    }

    [Fact]
    public void Build_FromLabels_GroupsNonContiguousWorkersByHost()
    {
        var tree = HostAwareTree.Build(["x", "y", "x", "y"]);

        // x = {0, 2}, y = {1, 3}; gateways 0 and 1.
        Assert.Equal("0-1,0-2,1-3", string.Join(",", tree.Edges));
    }

    [Fact]
    public void Topology_RelaysOverTheTreeItself()
    {
        var placement = Placement.Assign(Cluster(3, 2), 6);

        var topology = HostAwareTree.Topology(placement);

        Assert.Same(topology.Graph, Assert.Single(topology.Trees));
        Assert.Equal(6, topology.Workers);
    }

    [Fact]
    public void Render_MarksInterHostEdges()
    {
        var placement = Placement.Assign(Cluster(3, 2), 6);

        var text = HostAwareTree.Render(HostAwareTree.Build(placement), placement);

        Assert.Equal(
            "6 workers on 3 hosts: 5 edges, 2 inter-host, diameter 4\n" +
            "0-1  host0\n" +
            "0-2  host0 - host1  (inter-host)\n" +
            "2-3  host1\n" +
            "2-4  host1 - host2  (inter-host)\n" +
            "4-5  host2\n",
            text);
    }

    [Fact]
    public void Render_TreeOfOtherSize_Throws()
    {
        var placement = Placement.Assign(Cluster(3, 2), 6);

        Assert.Throws<ArgumentException>(() => HostAwareTree.Render(Topologies.Chain(5), placement));
    }

    private static NodeSlot[] Cluster(int hosts, int perHost) =>
        [.. Enumerable.Range(0, hosts).Select(h => new NodeSlot($"relay://n@host{h}:25520", $"host{h}", perHost))];
}
