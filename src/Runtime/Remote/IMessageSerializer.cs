using System.Buffers;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// Wire format of one message type, in two parts: a small header written into a pooled buffer, and an optional bulk
/// part that the transport writes to the socket straight from the message's memory and, on receipt, reads from the
/// socket straight into memory the serializer allocated. Little-endian.
/// </summary>
public interface IMessageSerializer
{
    /// <summary>The exact runtime type serialized (subtypes are not matched).</summary>
    Type MessageType { get; }

    /// <summary>Name of the type on the wire; unique within a registry.</summary>
    string Manifest { get; }

    /// <summary>The lane the transport sends this type on.</summary>
    RemoteLane Lane { get; }

    /// <summary>Writes <paramref name="message"/>'s header part into <paramref name="header"/> and returns its bulk part (empty for none).</summary>
    ReadOnlyMemory<byte> Write(object message, IBufferWriter<byte> header);

    /// <summary>
    /// Builds the message from <paramref name="header"/> and returns, in <paramref name="bulk"/>, the memory of exactly
    /// <paramref name="bulkLength"/> bytes the transport fills before the message is delivered (the message may already
    /// reference it; nobody sees the message before it is filled).
    /// </summary>
    object Read(ReadOnlySpan<byte> header, int bulkLength, out Memory<byte> bulk);

    /// <summary>
    /// The transport no longer reads <paramref name="message"/>'s bulk part: it was written to the socket or dropped.
    /// Called exactly once per message <see cref="Write"/> accepted, from the lane's writer thread; a serializer whose
    /// messages own pooled memory hands it back here.
    /// </summary>
    void Released(object message)
    {
    }
}
