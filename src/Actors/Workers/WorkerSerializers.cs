using RelayActors.Runtime.Remote;

namespace RelayActors.Actors.Workers;

/// <summary>Registers the wire formats of the worker messages that cross nodes.</summary>
public static class WorkerSerializers
{
    /// <summary>
    /// Adds <see cref="PeerMessageSerializer"/> (data lane; received payloads from <paramref name="allocatePayload"/>,
    /// default fresh arrays) and <see cref="MessageLostSerializer"/> (control lane).
    /// </summary>
    public static SerializerRegistry Register(SerializerRegistry registry, Func<int, float[]>? allocatePayload = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Add(new PeerMessageSerializer(allocatePayload)).Add(new MessageLostSerializer());
    }
}
