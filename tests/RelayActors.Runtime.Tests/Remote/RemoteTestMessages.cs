using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json.Serialization;
using RelayActors.Runtime.Remote;

namespace RelayActors.Runtime.Tests.Remote;

/// <summary>A small control message.</summary>
public sealed record Ping(int Seq, string Text);

/// <summary>A control message only some registries know.</summary>
public sealed record Stranger(int Value);

/// <summary>A large message: id in the header, floats as the bulk part.</summary>
public sealed record Vector(int Id, float[] Data);

[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(Stranger))]
internal sealed partial class RemoteTestJsonContext : JsonSerializerContext;

/// <summary>Binary serializer of <see cref="Vector"/> on the data lane.</summary>
internal sealed class VectorSerializer : IMessageSerializer
{
    public Type MessageType => typeof(Vector);

    public string Manifest => "test.vector";

    public RemoteLane Lane => RemoteLane.Data;

    public ReadOnlyMemory<byte> Write(object message, IBufferWriter<byte> header)
    {
        var v = (Vector)message;
        BinaryPrimitives.WriteInt32LittleEndian(header.GetSpan(4), v.Id);
        header.Advance(4);
        return ByteMemory.AsBytes<float>(v.Data);
    }

    public object Read(ReadOnlySpan<byte> header, int bulkLength, out Memory<byte> bulk)
    {
        var data = new float[bulkLength / sizeof(float)];
        bulk = ByteMemory.AsBytes(data);
        return new Vector(BinaryPrimitives.ReadInt32LittleEndian(header), data);
    }
}
