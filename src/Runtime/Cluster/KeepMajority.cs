using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// Akka's keep-majority split brain resolver as a pure function of the live members and this node's unreachable set:
/// the side with more than half the live members wins; with exactly half, the side holding the lowest address wins.
/// Both sides of a clean partition compute complementary answers, so exactly one side stays Up.
/// </summary>
internal static class KeepMajority
{
    public static DowningDecision Decide(IReadOnlyCollection<Member> liveMembers, IReadOnlySet<Address> unreachable)
    {
        ArgumentNullException.ThrowIfNull(liveMembers);
        ArgumentNullException.ThrowIfNull(unreachable);
        var down = liveMembers.Count(m => unreachable.Contains(m.Address));
        if (down == 0)
            return DowningDecision.None;
        var reachable = liveMembers.Count - down;
        if (2 * reachable != liveMembers.Count)
            return 2 * reachable > liveMembers.Count ? DowningDecision.DownUnreachable : DowningDecision.DownSelf;
        var lowest = liveMembers.Select(m => m.Address).Order(AddressOrder.Instance).First();
        return unreachable.Contains(lowest) ? DowningDecision.DownSelf : DowningDecision.DownUnreachable;
    }
}
