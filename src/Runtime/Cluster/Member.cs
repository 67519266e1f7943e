using System.Text.Json.Serialization;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// A cluster member as the membership state knows it. <paramref name="UpNumber"/> orders members by when they came Up
/// (0 before); <paramref name="Attributes"/> are what the application supplied at start (capacity, host label).
/// <see cref="Incarnation"/> tells a restarted node at the same address from its previous life.
/// </summary>
public sealed record Member(Address Address, MemberStatus Status, int UpNumber, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>Random id of this node's process; a node restarted at the same address gets a new one.</summary>
    public long Incarnation { get; init; }

    /// <summary>Neither downed nor removed: still counts for majorities and convergence.</summary>
    [JsonIgnore]
    public bool IsLive => Status is not (MemberStatus.Down or MemberStatus.Removed);

    public override string ToString() => $"Member({Address}, {Status}, up #{UpNumber}, incarnation {Incarnation})";
}
