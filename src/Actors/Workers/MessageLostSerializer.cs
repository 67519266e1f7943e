using System.Buffers;
using System.Buffers.Binary;
using RelayActors.Runtime.Remote;

namespace RelayActors.Actors.Workers;

/// <summary><see cref="MessageLost"/> on the control lane: 20 little-endian bytes (from, step, round, lane), no bulk part.</summary>
public sealed class MessageLostSerializer : IMessageSerializer
{
    private const int HeaderSize = 20;

    public Type MessageType => typeof(MessageLost);

    public string Manifest => "relay.message-lost";

    public RemoteLane Lane => RemoteLane.Control;

    public ReadOnlyMemory<byte> Write(object message, IBufferWriter<byte> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var m = (MessageLost)message;
        var span = header.GetSpan(HeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(span, m.From);
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], m.Step);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], m.Round);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], m.Lane);
        header.Advance(HeaderSize);
        return ReadOnlyMemory<byte>.Empty;
    }

    public object Read(ReadOnlySpan<byte> header, int bulkLength, out Memory<byte> bulk)
    {
        if (header.Length != HeaderSize || bulkLength != 0)
            throw new InvalidDataException($"{Manifest} is {HeaderSize} header bytes and no bulk, got {header.Length} and {bulkLength}");
        bulk = Memory<byte>.Empty;
        return new MessageLost(
            BinaryPrimitives.ReadInt32LittleEndian(header),
            BinaryPrimitives.ReadInt64LittleEndian(header[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[16..]));
    }
}
