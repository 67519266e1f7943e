using RelayActors.Runtime.Remote;

namespace RelayActors.Runtime.Cluster;

/// <summary>Registers every cluster wire message (<see cref="ClusterMessages.Manifests"/>) with a transport, as JSON on the control lane.</summary>
public static class ClusterSerializers
{
    public static void Register(SerializerRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var json = ClusterJsonContext.Default;
        registry
            .AddJson("cluster.join", json.Join)
            .AddJson("cluster.welcome", json.Welcome)
            .AddJson("cluster.join-nack", json.JoinNack)
            .AddJson("cluster.gossip", json.GossipEnvelope)
            .AddJson("cluster.heartbeat", json.Heartbeat)
            .AddJson("cluster.heartbeat-response", json.HeartbeatResponse)
            .AddJson("cluster.leave", json.Leave)
            .AddJson("cluster.down", json.Down);
        foreach (var m in ClusterMessages.Manifests)
        {
            if (registry.ForManifest(m.Manifest)?.MessageType != m.Type)
                throw new InvalidOperationException($"Cluster message {m.Type.Name} ('{m.Manifest}') is missing from ClusterSerializers.Register");
        }
    }
}
