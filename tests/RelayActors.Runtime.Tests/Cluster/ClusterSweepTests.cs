using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Tests.Support;
using static RelayActors.Runtime.Tests.Support.ClusterHarness;

namespace RelayActors.Runtime.Tests.Cluster;

/// <summary>Seeded runs with link jitter (messages reorder): formation, a kill and then a 2|2 partition must end the same way every time.</summary>
public sealed class ClusterSweepTests
{
    private static readonly string[] Nodes = ["a", "b", "c", "d", "e"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void FiveNodesWithJitter_FormSurviveAKillThenResolveA2To2Partition(int seed)
    {
        using var h = new ClusterHarness(Seeds(Nodes), seed);
        h.Network.MaxJitter = TimeSpan.FromMilliseconds(500);
        foreach (var n in Nodes.Reverse())
            h.Start(n);
        h.AdvanceUntil(() => h.AllUp(Nodes), TimeSpan.FromSeconds(10), $"seed {seed}: formed");

        h.Kill("c");
        string[] rest = ["a", "b", "d", "e"];
        h.AdvanceUntil(() => rest.All(n => h[n].State.MemberAt(AddressOf("c")) is null), TimeSpan.FromSeconds(20), $"seed {seed}: c removed");
        Assert.True(h.AllUp(rest));

        h.Network.Partition([AddressOf("a"), AddressOf("e")], [AddressOf("b"), AddressOf("d")]);
        h.AdvanceUntil(() => h["b"].WhenRemoved.IsCompleted && h["d"].WhenRemoved.IsCompleted
            && h["a"].State.Members.Count == 2 && h["e"].State.Members.Count == 2, TimeSpan.FromSeconds(20), $"seed {seed}: b, d out");

        Assert.True(h.AllUp("a", "e"));
        Assert.Equal(AddressOf("a"), h["e"].State.Leader);
    }
}
