using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RelayActors.Runtime.Remote;

/// <summary>A control message as UTF-8 JSON in the header part (source-generated type info; no bulk part).</summary>
internal sealed class JsonMessageSerializer<T>(string manifest, JsonTypeInfo<T> typeInfo, RemoteLane lane) : IMessageSerializer
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public Type MessageType => typeof(T);

    public string Manifest => manifest;

    public RemoteLane Lane => lane;

    public ReadOnlyMemory<byte> Write(object message, IBufferWriter<byte> header)
    {
        // One writer per thread, reset onto each message's buffer: the writer object is the only per-call allocation otherwise.
        var writer = t_writer;
        if (writer is null)
            t_writer = writer = new Utf8JsonWriter(header);
        else
            writer.Reset(header);
        JsonSerializer.Serialize(writer, (T)message, typeInfo);
        writer.Flush();
        writer.Reset(Stream.Null);
        return ReadOnlyMemory<byte>.Empty;
    }

    public object Read(ReadOnlySpan<byte> header, int bulkLength, out Memory<byte> bulk)
    {
        if (bulkLength != 0)
            throw new InvalidDataException($"JSON message '{manifest}' carries no bulk part, but the frame declares {bulkLength} bulk bytes");
        bulk = Memory<byte>.Empty;
        return JsonSerializer.Deserialize(header, typeInfo)
            ?? throw new InvalidDataException($"JSON message '{manifest}' deserialized to null");
    }
}
