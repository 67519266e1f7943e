using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>What a subscriber of <see cref="Cluster.Subscribe"/> receives: first a <see cref="CurrentClusterState"/>, then changes in order.</summary>
public interface IMemberEvent;

/// <summary>The state at the moment of subscribing (sent before any change).</summary>
public sealed record CurrentClusterState(ClusterState State) : IMemberEvent;

/// <summary>A new member is Joining.</summary>
public sealed record MemberJoined(Member Member) : IMemberEvent;

/// <summary>The leader moved the member Up.</summary>
public sealed record MemberUp(Member Member) : IMemberEvent;

/// <summary>The member asked to leave (Leaving).</summary>
public sealed record MemberLeft(Member Member) : IMemberEvent;

/// <summary>The leader moved the leaving member to Exiting.</summary>
public sealed record MemberExited(Member Member) : IMemberEvent;

/// <summary>The member was downed (by the split brain resolver, a <see cref="Cluster.Down"/> call or itself on the minority side).</summary>
public sealed record MemberDowned(Member Member) : IMemberEvent;

/// <summary>The member is gone; <paramref name="PreviousStatus"/> says whether it left (Exiting) or was downed (Down).</summary>
public sealed record MemberRemoved(Member Member, MemberStatus PreviousStatus) : IMemberEvent;

/// <summary>This node's failure detector suspects the member.</summary>
public sealed record UnreachableMember(Member Member) : IMemberEvent;

/// <summary>Heartbeats from a suspected member arrive again.</summary>
public sealed record ReachableMember(Member Member) : IMemberEvent;

/// <summary>The leader (lowest reachable Up address) changed; null when there is none.</summary>
public sealed record LeaderChanged(Address? Leader) : IMemberEvent;
