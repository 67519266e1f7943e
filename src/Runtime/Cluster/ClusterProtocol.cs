using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// Messages the cluster daemon (<c>/system/cluster</c>) accepts. The public records below travel between nodes on
/// the control lane, serialized with <see cref="ClusterJsonContext"/>; every one names its sender's address, so
/// no reply depends on the transport's sender ref.
/// </summary>
public interface IClusterMessage;

/// <summary>
/// Asks to join the receiver's cluster. A member answers <see cref="Welcome"/> (adding the joiner as Joining, and
/// downing an older incarnation at the same address); a node not in a cluster yet answers <see cref="JoinNack"/>.
/// </summary>
public sealed record Join(Address From, long Incarnation, IReadOnlyDictionary<string, string> Attributes) : IClusterMessage;

/// <summary>The joiner was accepted; <paramref name="Members"/> is the membership state including it.</summary>
public sealed record Welcome(Address From, Member[] Members) : IClusterMessage;

/// <summary>The receiver of a <see cref="Join"/> is not in a cluster yet (lets the first seed node form one without waiting).</summary>
public sealed record JoinNack(Address From) : IClusterMessage;

/// <summary>The sender's membership state; a receiver that knows more answers with its merged state.</summary>
public sealed record GossipEnvelope(Address From, Member[] Members) : IClusterMessage;

/// <summary>Failure detector probe; answered with <see cref="HeartbeatResponse"/>.</summary>
public sealed record Heartbeat(Address From, long Sequence) : IClusterMessage;

/// <summary>Answer to <see cref="Heartbeat"/>: the sender is alive.</summary>
public sealed record HeartbeatResponse(Address From, long Sequence) : IClusterMessage;

/// <summary>Moves the member at <paramref name="Address"/> to Leaving (graceful exit).</summary>
public sealed record Leave(Address Address) : IClusterMessage;

/// <summary>Marks the member at <paramref name="Address"/> Down; the leader then removes it.</summary>
public sealed record Down(Address Address) : IClusterMessage;
