using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Tests.Support;
using static RelayActors.Runtime.Tests.Support.ClusterHarness;

namespace RelayActors.Runtime.Tests.Cluster;

public sealed class ClusterFailureTests
{
    private static bool Gone(ClusterHarness h, string observer, string node) => h[observer].State.MemberAt(AddressOf(node)) is null;

    [Fact]
    public void KilledNode_IsUnreachableWithin10Seconds_ThenDownedAndRemovedByKeepMajority()
    {
        using var h = Formed("a", "b", "c");
        var events = h.Subscribe("a");
        h.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<CurrentClusterState>(events.ReceiveOne());

        h.Kill("c");
        var detected = h.AdvanceUntil(() => h["a"].State.Unreachable.Contains(AddressOf("c")), TimeSpan.FromSeconds(10), "a suspects c");
        var removed = detected + h.AdvanceUntil(() => Gone(h, "a", "c") && Gone(h, "b", "c"), TimeSpan.FromSeconds(15), "c removed on a and b");

        Assert.True(detected < TimeSpan.FromSeconds(10), $"detected after {detected}");
        Assert.True(removed < TimeSpan.FromSeconds(15), $"removed after {removed}");
        Assert.Equal(AddressOf("c"), events.ExpectMsg<UnreachableMember>().Member.Address);
        Assert.Equal(AddressOf("c"), events.ExpectMsg<MemberDowned>().Member.Address);
        Assert.Equal(MemberStatus.Down, events.ExpectMsg<MemberRemoved>().PreviousStatus);
        Assert.True(h.AllUp("a", "b"));
        Assert.Empty(h["a"].State.Unreachable);
    }

    [Fact]
    public void Partition2To1_MinorityDownsItself_MajorityDownsItAndContinues()
    {
        using var h = Formed("a", "b", "c");
        var minorityEvents = h.Subscribe("c");
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<CurrentClusterState>(minorityEvents.ReceiveOne());

        h.Network.Partition([AddressOf("a"), AddressOf("b")], [AddressOf("c")]);
        h.AdvanceUntil(() => h["c"].WhenRemoved.IsCompleted && Gone(h, "a", "c") && Gone(h, "b", "c"), TimeSpan.FromSeconds(20), "c out on both sides");

        Assert.Equal(AddressOf("c"), minorityEvents.FishForMessage<MemberDowned>(_ => true).Member.Address);
        Assert.True(h.AllUp("a", "b"));
        Assert.False(h["a"].WhenRemoved.IsCompleted);
        Assert.False(h["b"].WhenRemoved.IsCompleted);
        Assert.Equal(AddressOf("a"), h["b"].State.Leader);
    }

    [Theory]
    [InlineData("a,b", "c,d")]
    [InlineData("a,d", "b,c")]
    public void Partition2To2_SideHoldingTheLowestAddressSurvives(string winners, string losers)
    {
        using var h = Formed("a", "b", "c", "d");
        var win = winners.Split(',');
        var lose = losers.Split(',');

        h.Network.Partition(win.Select(AddressOf), lose.Select(AddressOf));
        h.AdvanceUntil(() => lose.All(l => h[l].WhenRemoved.IsCompleted) && win.All(w => lose.All(l => Gone(h, w, l))),
            TimeSpan.FromSeconds(20), $"{losers} out");

        Assert.True(h.AllUp(win));
        Assert.All(win, w => Assert.False(h[w].WhenRemoved.IsCompleted));
        Assert.All(win, w => Assert.Equal(2, h[w].State.Members.Count));
    }

    [Fact]
    public void PartitionHealedBeforeStableAfter_DownsNobody()
    {
        using var h = Formed("a", "b", "c");
        var events = h.Subscribe("a");
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<CurrentClusterState>(events.ReceiveOne());

        h.Network.Partition([AddressOf("a"), AddressOf("b")], [AddressOf("c")]);
        h.Advance(TimeSpan.FromSeconds(7));
        Assert.Contains(AddressOf("c"), h["a"].State.Unreachable);
        h.Network.Heal();
        h.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(AddressOf("c"), events.ExpectMsg<UnreachableMember>().Member.Address);
        Assert.Equal(AddressOf("c"), events.ExpectMsg<ReachableMember>().Member.Address);
        events.ExpectNoMsg();
        Assert.True(h.AllUp("a", "b", "c"));
        Assert.All(new[] { "a", "b", "c" }, n => Assert.False(h[n].WhenRemoved.IsCompleted));
    }

    [Fact]
    public void HeartbeatsWithUpTo2SecondsJitter_CauseNoUnreachability()
    {
        using var h = Formed("a", "b", "c");
        var events = h.Subscribe("a");
        h.Network.MaxJitter = TimeSpan.FromSeconds(2);

        h.Advance(TimeSpan.FromMinutes(3));

        Assert.IsType<CurrentClusterState>(events.ReceiveOne());
        events.ExpectNoMsg();
        Assert.True(h.AllUp("a", "b", "c"));
        Assert.All(new[] { "a", "b", "c" }, n => Assert.Empty(h[n].State.Unreachable));
    }

    [Fact]
    public void RestartedNode_AtTheSameAddress_ReplacesItsOldIncarnation()
    {
        using var h = Formed("a", "b", "c");
        var events = h.Subscribe("a");
        h.Advance(TimeSpan.FromSeconds(1));
        var oldIncarnation = h["a"].State.MemberAt(AddressOf("c"))!.Incarnation;

        h.Kill("c");
        h.Advance(TimeSpan.FromSeconds(1));
        h.Start("c");
        h.AdvanceUntil(() => h.AllUp("a", "b", "c") && h["a"].State.Members.Count == 3 && h["c"].WhenUp.IsCompleted,
            TimeSpan.FromSeconds(10), "new c Up everywhere");

        Assert.NotEqual(oldIncarnation, h["a"].State.MemberAt(AddressOf("c"))!.Incarnation);
        Assert.Equal(oldIncarnation, events.FishForMessage<MemberDowned>(_ => true).Member.Incarnation);
        Assert.Equal(oldIncarnation, events.FishForMessage<MemberRemoved>(_ => true).Member.Incarnation);
        Assert.True(h["c"].State.Members.Count == 3, h["c"].State.ToString());
    }

    [Theory]
    [InlineData("a", 0)]
    [InlineData("a", 7)]
    [InlineData("a", 20)]
    [InlineData("c", 7)]
    [InlineData("c", 20)]
    public void RestartedNode_Rejoins_BeforeDetection_WhileSuspected_AndAfterRemoval(string node, int secondsDown)
    {
        using var h = Formed("a", "b", "c");
        var others = new[] { "a", "b", "c" }.Where(n => n != node).ToArray();

        h.Kill(node);
        // 0 s: replaced while still Up; 7 s: suspected, not yet downed (stable-after 5 s); 20 s: already removed.
        h.Advance(TimeSpan.FromSeconds(secondsDown));
        Assert.Equal(secondsDown >= 20, others.All(o => Gone(h, o, node)));
        h.Start(node);
        h.AdvanceUntil(() => h.AllUp("a", "b", "c") && h[node].WhenUp.IsCompleted, TimeSpan.FromSeconds(10), $"new {node} Up everywhere");
        h.Advance(TimeSpan.FromSeconds(30));

        Assert.True(h.AllUp("a", "b", "c"));
        Assert.All(new[] { "a", "b", "c" }, n => Assert.Equal(3, h[n].State.Members.Count));
        Assert.All(new[] { "a", "b", "c" }, n => Assert.Equal(AddressOf("a"), h[n].State.Leader));
    }
}
