using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// What the leader does each leader-actions tick, as a pure function of the membership state: Joining → Up (all
/// together the first time, once min-nr-of-members have joined), Leaving → Exiting, Exiting → Removed, Down → Removed.
/// Nothing moves without convergence (every live member reachable), as in Akka.
/// </summary>
internal static class LeaderActions
{
    /// <summary>The next state and the members this step removed (they get a last gossip so they learn it).</summary>
    public static (Gossip Next, IReadOnlyList<Member> Removed) Run(Gossip gossip, IReadOnlySet<Address> unreachable, int minNrOfMembers)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentNullException.ThrowIfNull(unreachable);
        if (!gossip.Converged(unreachable))
            return (gossip, []);
        var next = gossip;
        var removed = new List<Member>();
        var live = gossip.Live.ToList();
        var anyUp = live.Any(m => m.Status is MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting);
        if (anyUp || live.Count >= minNrOfMembers)
        {
            var upNumber = gossip.Members.Select(m => m.UpNumber).DefaultIfEmpty(0).Max();
            foreach (var m in live.Where(m => m.Status == MemberStatus.Joining))
                next = next.WithStatus(m, MemberStatus.Up, ++upNumber);
        }
        foreach (var m in gossip.Members)
        {
            switch (m.Status)
            {
                case MemberStatus.Leaving:
                    next = next.WithStatus(m, MemberStatus.Exiting);
                    break;
                case MemberStatus.Exiting or MemberStatus.Down:
                    next = next.WithStatus(m, MemberStatus.Removed);
                    removed.Add(m with { Status = MemberStatus.Removed });
                    break;
            }
        }
        return (next, removed);
    }
}
