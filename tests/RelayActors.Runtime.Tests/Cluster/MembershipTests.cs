using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Kernel;
using static RelayActors.Runtime.Tests.Support.ClusterHarness;

namespace RelayActors.Runtime.Tests.Cluster;

public sealed class MembershipTests
{
    private static readonly IReadOnlySet<Address> Nobody = new HashSet<Address>();

    private static Member M(string node, MemberStatus status, int upNumber = 0, long incarnation = 1) =>
        new(AddressOf(node), status, upNumber, new Dictionary<string, string>()) { Incarnation = incarnation };

    private static HashSet<Address> Set(params string[] nodes) => nodes.Select(AddressOf).ToHashSet();

    [Fact]
    public void Merge_KeepsTheMostAdvancedStatus_AndIsCommutativeAndIdempotent()
    {
        var x = Gossip.From([M("a", MemberStatus.Up, 1), M("b", MemberStatus.Joining), M("c", MemberStatus.Leaving, 3)]);
        var y = Gossip.From([M("a", MemberStatus.Up, 1), M("b", MemberStatus.Up, 2), M("c", MemberStatus.Up, 3), M("d", MemberStatus.Joining)]);

        var xy = x.Merge(y);

        Assert.True(xy.SameAs(y.Merge(x)));
        Assert.True(xy.SameAs(xy.Merge(x)));
        Assert.Equal([MemberStatus.Up, MemberStatus.Up, MemberStatus.Leaving, MemberStatus.Joining], xy.Members.Select(m => m.Status));
    }

    [Fact]
    public void Merge_NeverResurrectsARemovedMember()
    {
        var removed = Gossip.From([M("a", MemberStatus.Up, 1), M("b", MemberStatus.Removed, 2)]);
        var stale = Gossip.From([M("a", MemberStatus.Up, 1), M("b", MemberStatus.Up, 2)]);

        Assert.Equal(MemberStatus.Removed, removed.Merge(stale).Get(AddressOf("b"), 1)!.Status);
        Assert.Null(removed.LiveAt(AddressOf("b")));
    }

    [Fact]
    public void Leader_IsTheLowestReachableUpMember_OrTheLowestJoiningWhileNobodyIsUp()
    {
        var joining = Gossip.From([M("c", MemberStatus.Joining), M("b", MemberStatus.Joining)]);
        var up = Gossip.From([M("a", MemberStatus.Joining), M("b", MemberStatus.Up, 1), M("c", MemberStatus.Up, 2)]);

        Assert.Equal(AddressOf("b"), joining.Leader(Nobody));
        Assert.Equal(AddressOf("b"), up.Leader(Nobody));
        Assert.Equal(AddressOf("c"), up.Leader(Set("b")));
    }

    [Fact]
    public void LeaderActions_WaitForMinNrOfMembers_ThenMoveAllJoiningUpTogether()
    {
        var two = Gossip.From([M("a", MemberStatus.Joining), M("b", MemberStatus.Joining)]);
        var three = two.Put(M("c", MemberStatus.Joining));

        Assert.True(LeaderActions.Run(two, Nobody, minNrOfMembers: 3).Next.SameAs(two));
        var (next, _) = LeaderActions.Run(three, Nobody, minNrOfMembers: 3);

        Assert.Equal([(MemberStatus.Up, 1), (MemberStatus.Up, 2), (MemberStatus.Up, 3)], next.Members.Select(m => (m.Status, m.UpNumber)));
    }

    [Fact]
    public void LeaderActions_MoveLeavingToExiting_ExitingAndDownToRemoved()
    {
        var g = Gossip.From([M("a", MemberStatus.Up, 1), M("b", MemberStatus.Leaving, 2), M("c", MemberStatus.Exiting, 3), M("d", MemberStatus.Down, 4)]);

        var (next, removed) = LeaderActions.Run(g, Set("d"), minNrOfMembers: 1);

        Assert.Equal([MemberStatus.Up, MemberStatus.Exiting, MemberStatus.Removed, MemberStatus.Removed], next.Members.Select(m => m.Status));
        Assert.Equal([AddressOf("c"), AddressOf("d")], removed.Select(m => m.Address));
    }

    [Fact]
    public void LeaderActions_DoNothingWhileALiveMemberIsUnreachable()
    {
        var g = Gossip.From([M("a", MemberStatus.Up, 1), M("b", MemberStatus.Leaving, 2), M("c", MemberStatus.Joining)]);

        Assert.True(LeaderActions.Run(g, Set("c"), minNrOfMembers: 1).Next.SameAs(g));
    }

    [Theory]
    [InlineData("a,b,c", "c", "down-unreachable")]
    [InlineData("a,b,c", "a,b", "down-self")]
    [InlineData("a,b,c,d", "c,d", "down-unreachable")]
    [InlineData("a,b,c,d", "a,b", "down-self")]
    [InlineData("a,b,c,d", "b,c", "down-unreachable")]
    [InlineData("a,b,c,d", "a,d", "down-self")]
    [InlineData("a,b,c,d,e", "d,e", "down-unreachable")]
    [InlineData("a,b", "", "none")]
    public void KeepMajority_MajorityWins_TieGoesToTheSideWithTheLowestAddress(string members, string unreachable, string expected)
    {
        var live = members.Split(',').Select(n => M(n, MemberStatus.Up)).ToList();
        var suspects = unreachable.Length == 0 ? Nobody : Set(unreachable.Split(','));

        var decision = KeepMajority.Decide(live, suspects) switch
        {
            DowningDecision.DownUnreachable => "down-unreachable",
            DowningDecision.DownSelf => "down-self",
            _ => "none",
        };

        Assert.Equal(expected, decision);
    }

    [Fact]
    public void Diff_PublishesOneEventPerStatusChange()
    {
        var before = Gossip.From([M("a", MemberStatus.Joining), M("b", MemberStatus.Up, 1), M("c", MemberStatus.Exiting, 2)]);
        var after = before.Merge(Gossip.From([M("a", MemberStatus.Up, 3), M("c", MemberStatus.Removed, 2), M("d", MemberStatus.Joining)]));

        var events = MembershipChanges.Diff(before, after);

        Assert.Collection(events,
            e => Assert.Equal(AddressOf("a"), Assert.IsType<MemberUp>(e).Member.Address),
            e => Assert.Equal(MemberStatus.Exiting, Assert.IsType<MemberRemoved>(e).PreviousStatus),
            e => Assert.Equal(AddressOf("d"), Assert.IsType<MemberJoined>(e).Member.Address));
    }
}
