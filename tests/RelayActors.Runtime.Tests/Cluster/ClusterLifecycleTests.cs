using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Tests.Support;
using static RelayActors.Runtime.Tests.Support.ClusterHarness;

namespace RelayActors.Runtime.Tests.Cluster;

public sealed class ClusterLifecycleTests
{
    [Fact]
    public void Subscriber_GetsTheCurrentStateFirst_ThenEveryChangeInOrder()
    {
        using var h = new ClusterHarness(Seeds("a", "b"));
        h.Start("a", Seeds("a"));
        var events = h.Subscribe("a");
        h.Clock.RunReady();
        var current = Assert.IsType<CurrentClusterState>(events.ReceiveOne());
        Assert.Equal(MemberStatus.Joining, Assert.Single(current.State.Members).Status);
        Assert.Equal(AddressOf("a"), current.State.Leader);

        h.Advance(TimeSpan.FromSeconds(2));
        h.Start("b");
        h.Advance(TimeSpan.FromSeconds(3));

        var received = events.ReceiveN(3);
        Assert.Equal(AddressOf("a"), Assert.IsType<MemberUp>(received[0]).Member.Address);
        Assert.Equal(AddressOf("b"), Assert.IsType<MemberJoined>(received[1]).Member.Address);
        Assert.Equal(AddressOf("b"), Assert.IsType<MemberUp>(received[2]).Member.Address);
        events.ExpectNoMsg();
    }

    [Fact]
    public void Leave_GoesLeavingExitingRemoved_AndCompletesWhenRemoved()
    {
        using var h = Formed("a", "b", "c");
        var events = h.Subscribe("a");
        h.Clock.RunReady();
        Assert.IsType<CurrentClusterState>(events.ReceiveOne());

        h["c"].Leave();
        h.AdvanceUntil(() => h["c"].WhenRemoved.IsCompleted, TimeSpan.FromSeconds(10), "c removed");
        h.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(AddressOf("c"), events.ExpectMsg<MemberLeft>().Member.Address);
        Assert.Equal(AddressOf("c"), events.ExpectMsg<MemberExited>().Member.Address);
        Assert.Equal(MemberStatus.Exiting, events.ExpectMsg<MemberRemoved>().PreviousStatus);
        events.ExpectNoMsg();
        Assert.Equal(2, h["a"].State.Members.Count);
        Assert.Equal(2, h["b"].State.Members.Count);
    }

    [Fact]
    public void Leave_ByTheLeader_HandsLeadershipOverAndIsRemoved()
    {
        using var h = Formed("a", "b", "c");

        h["a"].Leave();
        h.AdvanceUntil(() => h["a"].WhenRemoved.IsCompleted, TimeSpan.FromSeconds(10), "a removed");
        h.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(AddressOf("b"), h["b"].State.Leader);
        Assert.Equal(AddressOf("b"), h["c"].State.Leader);
        Assert.True(h.AllUp("b", "c"));
        Assert.Equal(2, h["c"].State.Members.Count);
    }

    [Fact]
    public void Down_ByHand_RemovesTheMemberAndStopsIt()
    {
        using var h = Formed("a", "b", "c");

        h["a"].Down(AddressOf("c"));
        h.AdvanceUntil(() => h["c"].WhenRemoved.IsCompleted && h["b"].State.Members.Count == 2, TimeSpan.FromSeconds(10), "c downed and removed");
    }

    [Fact]
    public void Leave_OfTheLastMember_RemovesIt()
    {
        using var h = Formed("a");

        h["a"].Leave();

        h.AdvanceUntil(() => h["a"].WhenRemoved.IsCompleted, TimeSpan.FromSeconds(5), "a removed");
    }
}
