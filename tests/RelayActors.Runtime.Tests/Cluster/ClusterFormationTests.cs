using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Tests.Support;
using static RelayActors.Runtime.Tests.Support.ClusterHarness;

namespace RelayActors.Runtime.Tests.Cluster;

public sealed class ClusterFormationTests
{
    [Fact]
    public void ThreeSeedNodes_StartedTogether_AreAllUpWithTheSameLeaderWithin5Seconds()
    {
        using var h = new ClusterHarness(Seeds("a", "b", "c"));
        h.Start("a");
        h.Start("b");
        h.Start("c");

        var took = h.AdvanceUntil(() => h.AllUp("a", "b", "c"), TimeSpan.FromSeconds(10), "all three Up on every node");

        Assert.True(took < TimeSpan.FromSeconds(5), $"forming took {took} of virtual time");
        foreach (var n in new[] { "a", "b", "c" })
        {
            Assert.Equal(AddressOf("a"), h[n].State.Leader);
            Assert.True(h[n].WhenUp.IsCompleted, $"{n}.WhenUp");
        }
    }

    [Fact]
    public void MinNrOfMembers3_NobodyIsUpUntilTheThirdJoins_ThenAllComeUpTogether()
    {
        using var h = new ClusterHarness(Seeds("a", "b", "c") with { MinNrOfMembers = 3 });
        h.Start("a");
        h.Start("b");

        h.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(2, h["a"].State.Members.Count);
        Assert.All(h["a"].State.Members, m => Assert.Equal(MemberStatus.Joining, m.Status));
        Assert.False(h["b"].WhenUp.IsCompleted);

        h.Start("c");
        h.AdvanceUntil(() => h.AllUp("a", "b", "c"), TimeSpan.FromSeconds(5), "all Up after the third joined");

        Assert.Equal([1, 2, 3], h["a"].State.Members.Select(m => m.UpNumber).Order());
    }

    [Fact]
    public void Join_WhenTheFirstSeedIsAbsent_GoesThroughTheSecondSeed()
    {
        using var h = new ClusterHarness();
        h.Start("b", Seeds("b"));
        h.Start("c", Seeds("a", "b"));

        h.AdvanceUntil(() => h.AllUp("b", "c"), TimeSpan.FromSeconds(5), "c Up via seed b");

        Assert.Equal(2, h["c"].State.Members.Count);
        Assert.Equal(AddressOf("b"), h["c"].State.Leader);
    }

    [Fact]
    public void FirstSeed_WhenAnotherSeedIsSilent_FormsAloneAfterSeedNodeTimeout()
    {
        using var h = new ClusterHarness(Seeds("a", "b"));
        h.Start("a");

        h.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(h["a"].State.Members);

        h.AdvanceUntil(() => h.AllUp("a"), TimeSpan.FromSeconds(1), "a Up alone");
    }

    [Fact]
    public void Members_CarryTheAttributesTheApplicationSupplied()
    {
        using var h = new ClusterHarness(Seeds("a", "b"));
        h.Start("a");
        h.Start("b");
        h.AdvanceUntil(() => h.AllUp("a", "b"), TimeSpan.FromSeconds(5), "a and b Up");

        Assert.Equal("b", h["a"].State.MemberAt(AddressOf("b"))!.Attributes["host"]);
    }
}
