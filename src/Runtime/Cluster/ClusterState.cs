using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// A node's view of the cluster at one moment: members (not removed) by address, the ones its failure detector
/// suspects, and the leader. Immutable.
/// </summary>
public sealed record ClusterState(IReadOnlyList<Member> Members, IReadOnlySet<Address> Unreachable, Address? Leader)
{
    public static ClusterState Empty { get; } = new([], new HashSet<Address>(), null);

    /// <summary>The member at <paramref name="address"/> (its newest incarnation), or null.</summary>
    public Member? MemberAt(Address address) => Members.LastOrDefault(m => m.Address == address);

    public override string ToString() =>
        $"ClusterState(leader {Leader?.ToString() ?? "none"}; {string.Join(", ", Members.Select(m => $"{m.Address}={m.Status}"))}; unreachable [{string.Join(", ", Unreachable)}])";
}
