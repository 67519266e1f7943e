using System.Text.Json.Serialization;

namespace RelayActors.Runtime.Cluster;

/// <summary>Source-generated JSON for every cluster wire message (no reflection at run time).</summary>
[JsonSerializable(typeof(Join))]
[JsonSerializable(typeof(Welcome))]
[JsonSerializable(typeof(JoinNack))]
[JsonSerializable(typeof(GossipEnvelope))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(Leave))]
[JsonSerializable(typeof(Down))]
public sealed partial class ClusterJsonContext : JsonSerializerContext;
