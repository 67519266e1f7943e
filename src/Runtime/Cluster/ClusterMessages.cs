using System.Text.Json.Serialization.Metadata;

namespace RelayActors.Runtime.Cluster;

/// <summary>A cluster wire message type, the manifest it travels under and its source-generated JSON metadata.</summary>
public sealed record ClusterMessageManifest(string Manifest, Type Type, JsonTypeInfo TypeInfo);

/// <summary>The wire messages to register with the transport's serializer registry (<c>AddJson&lt;T&gt;(manifest, typeInfo)</c>).</summary>
public static class ClusterMessages
{
    /// <summary>Every message a daemon sends to another node, with a stable manifest ("cluster.join", …).</summary>
    public static IReadOnlyList<ClusterMessageManifest> Manifests { get; } =
    [
        new("cluster.join", typeof(Join), ClusterJsonContext.Default.Join),
        new("cluster.welcome", typeof(Welcome), ClusterJsonContext.Default.Welcome),
        new("cluster.join-nack", typeof(JoinNack), ClusterJsonContext.Default.JoinNack),
        new("cluster.gossip", typeof(GossipEnvelope), ClusterJsonContext.Default.GossipEnvelope),
        new("cluster.heartbeat", typeof(Heartbeat), ClusterJsonContext.Default.Heartbeat),
        new("cluster.heartbeat-response", typeof(HeartbeatResponse), ClusterJsonContext.Default.HeartbeatResponse),
        new("cluster.leave", typeof(Leave), ClusterJsonContext.Default.Leave),
        new("cluster.down", typeof(Down), ClusterJsonContext.Default.Down),
    ];
}
