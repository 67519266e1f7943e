using System.Buffers;
using System.Buffers.Binary;
using RelayActors.Runtime.Remote;

namespace RelayActors.Actors.Workers;

/// <summary>
/// <see cref="PeerMessage{T}"/> of floats on the data lane: a 28-byte little-endian header (from, step, round, lane,
/// count, payload length) and the float32 payload as the bulk part, sent from and received into the payload's array.
/// With a <see cref="PayloadPool{T}"/>, received payloads are rented from it (the receiving worker hands them back
/// after folding them in) and a sent payload goes back to it once the transport has written it: ownership of the
/// array passes to the transport with the message. That avoids the large-object-heap churn of fresh multi-MiB arrays
/// (docs/REMOTE.md). Without a pool, received payloads are fresh uninitialized arrays the message owns.
/// </summary>
public sealed class PeerMessageSerializer(PayloadPool<float>? payloads = null) : IMessageSerializer
{
    private const int HeaderSize = 28;

    public Type MessageType => typeof(PeerMessage<float>);

    public string Manifest => "relay.peer-message.f32";

    public RemoteLane Lane => RemoteLane.Data;

    public ReadOnlyMemory<byte> Write(object message, IBufferWriter<byte> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var m = (PeerMessage<float>)message;
        var span = header.GetSpan(HeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(span, m.From);
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], m.Step);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], m.Round);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], m.Lane);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], m.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], m.Payload.Length);
        header.Advance(HeaderSize);
        // Floats go as their in-memory bytes; the wire is little-endian, as is every platform we run on.
        return BitConverter.IsLittleEndian ? ByteMemory.AsBytes(m.Payload) : throw new PlatformNotSupportedException("big-endian hosts are not supported");
    }

    public object Read(ReadOnlySpan<byte> header, int bulkLength, out Memory<byte> bulk)
    {
        if (header.Length != HeaderSize)
            throw new InvalidDataException($"{Manifest} header is {header.Length} bytes, expected {HeaderSize}");
        var length = BinaryPrimitives.ReadInt32LittleEndian(header[24..]);
        if (length < 0 || (long)length * sizeof(float) != bulkLength)
            throw new InvalidDataException($"{Manifest} declares {length} floats but carries {bulkLength} bulk bytes");
        // Uninitialized either way: every element is overwritten from the socket before anyone sees the message.
        var payload = payloads?.Rent(length) ?? GC.AllocateUninitializedArray<float>(length);
        bulk = ByteMemory.AsBytes(payload);
        return new PeerMessage<float>(
            BinaryPrimitives.ReadInt32LittleEndian(header),
            BinaryPrimitives.ReadInt64LittleEndian(header[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[16..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[20..]),
            payload);
    }

    public void Released(object message) => payloads?.Return(((PeerMessage<float>)message).Payload);
}
