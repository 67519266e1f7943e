using RelayActors.Actors.Distributed;

namespace RelayActors.Actors.Tests.Distributed;

public sealed class PlacementTests
{
    private static readonly NodeSlot[] ThreeHosts =
    [
        new("relay://b@10.0.0.2:25520", "gpu02", 2),
        new("relay://c@10.0.0.3:25520", "gpu03", 2),
        new("relay://a@10.0.0.1:25520", "gpu01", 2),
    ];

    [Fact]
    public void Assign_SortsByHostThenNode_AndNumbersWorkersContiguously()
    {
        var placement = Placement.Assign(ThreeHosts, 6);

        Assert.Equal(["gpu01", "gpu02", "gpu03"], placement.Hosts);
        Assert.Equal([0, 1], placement.WorkersOn("relay://a@10.0.0.1:25520"));
        Assert.Equal([2, 3], placement.WorkersOn("relay://b@10.0.0.2:25520"));
        Assert.Equal([4, 5], placement.WorkersOn("relay://c@10.0.0.3:25520"));
        Assert.Equal("gpu02", placement.HostOf(3));
        Assert.Equal("relay://c@10.0.0.3:25520", placement.NodeOf(5).Node);
    }

    [Fact]
    public void Assign_PermutedInput_GivesTheSamePlacement()
    {
        var nodes = Cluster(hosts: 4, nodesPerHost: 2, capacity: 3);
        var expected = Placement.Assign(nodes, 17);
        var random = new Random(7);

        for (var trial = 0; trial < 10; trial++)
        {
            var permuted = nodes.OrderBy(_ => random.Next()).ToArray();
            var placement = Placement.Assign(permuted, 17);

            Assert.Equal(expected.Render(), placement.Render());
            Assert.Equal(Owners(expected), Owners(placement));
        }
    }

    [Fact]
    public void Assign_FewerWorkersThanSlots_GivesEveryNodeOneBeforeAnyGetsTwo()
    {
        var nodes = Cluster(hosts: 3, nodesPerHost: 1, capacity: 4);

        var placement = Placement.Assign(nodes, 4);

        Assert.Equal([0, 1], placement.WorkersOnHost("host0"));
        Assert.Equal([2], placement.WorkersOnHost("host1"));
        Assert.Equal([3], placement.WorkersOnHost("host2"));
    }

    [Fact]
    public void Assign_UnequalCapacities_BalancesProportionally()
    {
        NodeSlot[] nodes = [new("a", "h1", 1), new("b", "h2", 3)];

        var placement = Placement.Assign(nodes, 2);

        // One each first (0/1 and 0/3 both empty), then nothing left: b is not favoured for its size until 1/1 vs 1/3.
        Assert.Single(placement.WorkersOn("a"));
        Assert.Single(placement.WorkersOn("b"));
        Assert.Equal([1, 2, 3], Placement.Assign(nodes, 4).WorkersOn("b"));
        Assert.Equal([1, 2], Placement.Assign([new("a", "h1", 2), new("b", "h2", 6)], 3).WorkersOn("b"));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(12)]
    public void Assign_EqualCapacities_CountsDifferByAtMostOneAndNeverExceedCapacity(int workers)
    {
        var placement = Placement.Assign(Cluster(hosts: 2, nodesPerHost: 2, capacity: 3), workers);

        var counts = placement.Nodes.Select(n => placement.WorkersOn(n.Node).Count).ToArray();
        Assert.Equal(workers, counts.Sum());
        Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
        Assert.All(counts, c => Assert.InRange(c, 0, 3));
    }

    [Fact]
    public void Assign_ZeroCapacityNode_IsAllowedAndGetsNoWorkers()
    {
        NodeSlot[] nodes = [new("client", "laptop", 0), new("a", "gpu01", 2)];

        var placement = Placement.Assign(nodes, 2);

        Assert.Empty(placement.WorkersOn("client"));
        Assert.Empty(placement.WorkersOnHost("laptop"));
        Assert.Equal(["gpu01"], placement.Hosts);
        Assert.Equal(2, placement.Nodes.Count);
    }

    [Fact]
    public void Assign_TooFewSlots_ThrowsNamingWorkersAndCapacity()
    {
        var ex = Assert.Throws<ArgumentException>(() => Placement.Assign(ThreeHosts, 7));

        Assert.Contains("7 workers", ex.Message, StringComparison.Ordinal);
        Assert.Contains("6 slots", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_NegativeCapacity_ThrowsNamingNode()
    {
        var ex = Assert.Throws<ArgumentException>(() => Placement.Assign([new("a", "h", -1)], 1));

        Assert.Contains("a has capacity -1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_RepeatedNode_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Placement.Assign([new("a", "h1", 1), new("a", "h2", 1)], 1));

        Assert.Contains("a appears twice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Assign_NonPositiveWorkers_Throws(int workers) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Placement.Assign(ThreeHosts, workers));

    [Fact]
    public void WorkersOn_UnknownNode_Throws() =>
        Assert.Throws<ArgumentException>(() => Placement.Assign(ThreeHosts, 2).WorkersOn("nobody"));

    [Fact]
    public void NodeOf_WorkerOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Placement.Assign(ThreeHosts, 2).NodeOf(2));

    [Fact]
    public void Render_ListsNodeHostCapacityAndWorkerRanges()
    {
        NodeSlot[] nodes = [new("b", "gpu02", 2), new("a", "gpu01", 2), new("client", "laptop", 0)];

        var text = Placement.Assign(nodes, 3).Render();

        Assert.Equal(
            "node    host     capacity  workers\n" +
            "a       gpu01           2  0-1\n" +
            "b       gpu02           2  2\n" +
            "client  laptop          0  -\n" +
            "total   2 hosts         4  3\n",
            text);
    }

    private static NodeSlot[] Cluster(int hosts, int nodesPerHost, int capacity) =>
        [.. from h in Enumerable.Range(0, hosts)
            from k in Enumerable.Range(0, nodesPerHost)
            select new NodeSlot($"relay://n{h}{k}@host{h}:{25520 + k}", $"host{h}", capacity)];

    private static string[] Owners(Placement placement) =>
        [.. Enumerable.Range(0, placement.Workers).Select(w => placement.NodeOf(w).Node)];
}
