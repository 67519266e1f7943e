using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;

namespace RelayActors.Runtime.Remote;

/// <summary>The message types a transport can send: looked up by exact runtime type on write and by manifest on read.</summary>
public sealed class SerializerRegistry
{
    private readonly ConcurrentDictionary<Type, IMessageSerializer> _byType = new();
    private readonly ConcurrentDictionary<string, IMessageSerializer> _byManifest = new(StringComparer.Ordinal);

    /// <summary>Registers a control message serialized as JSON with source-generated <paramref name="typeInfo"/>.</summary>
    public SerializerRegistry AddJson<T>(string manifest, JsonTypeInfo<T> typeInfo, RemoteLane lane = RemoteLane.Control)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifest);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Add(new JsonMessageSerializer<T>(manifest, typeInfo, lane));
    }

    /// <summary>Registers a binary serializer; its type and manifest must not be registered yet.</summary>
    public SerializerRegistry Add(IMessageSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentException.ThrowIfNullOrEmpty(serializer.Manifest, nameof(serializer));
        if (System.Text.Encoding.UTF8.GetByteCount(serializer.Manifest) > ushort.MaxValue)
            throw new ArgumentException($"Manifest '{serializer.Manifest[..40]}…' is longer than {ushort.MaxValue} UTF-8 bytes", nameof(serializer));
        if (!_byManifest.TryAdd(serializer.Manifest, serializer))
            throw new ArgumentException($"Manifest '{serializer.Manifest}' is already registered (for {_byManifest[serializer.Manifest].MessageType})", nameof(serializer));
        if (!_byType.TryAdd(serializer.MessageType, serializer))
        {
            _byManifest.TryRemove(serializer.Manifest, out _);
            throw new ArgumentException($"Type {serializer.MessageType} is already registered (manifest '{_byType[serializer.MessageType].Manifest}')", nameof(serializer));
        }
        return this;
    }

    /// <summary>The serializer of exactly <paramref name="type"/>, or null.</summary>
    public IMessageSerializer? ForType(Type type) => _byType.GetValueOrDefault(type);

    /// <summary>The serializer registered under <paramref name="manifest"/>, or null.</summary>
    public IMessageSerializer? ForManifest(string manifest) => _byManifest.GetValueOrDefault(manifest);
}
