using RelayActors.Runtime.Remote;

namespace RelayActors.Actors.Workers;

/// <summary>Registers the wire formats of the worker messages that cross nodes.</summary>
public static class WorkerSerializers
{
    /// <summary>
    /// Adds <see cref="PeerMessageSerializer"/> (data lane; payloads rented from and handed back to
    /// <paramref name="payloads"/> when given, else fresh arrays) and <see cref="MessageLostSerializer"/> (control lane).
    /// </summary>
    public static SerializerRegistry Register(SerializerRegistry registry, PayloadPool<float>? payloads = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Add(new PeerMessageSerializer(payloads)).Add(new MessageLostSerializer());
    }
}
