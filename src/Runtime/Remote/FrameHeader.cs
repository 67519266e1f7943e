using System.Buffers.Binary;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// The fixed 24-byte little-endian header of every frame: magic "RA" (u16), protocol version (u8), kind (u8),
/// manifest, recipient and sender lengths (u16 each), reserved (u16), header-part length (i32), bulk length (i64).
/// Handshake frames put their body in the header part.
/// </summary>
internal readonly record struct FrameHeader(FrameKind Kind, int ManifestLength, int RecipientLength, int SenderLength, int HeaderLength, long BulkLength)
{
    public const int Size = 24;
    public const ushort Magic = 0x4152; // bytes 'R','A'
    public const byte ProtocolVersion = 1;

    /// <summary>Bytes after the fixed header: strings, header part and bulk part.</summary>
    public long BodyLength => (long)ManifestLength + RecipientLength + SenderLength + HeaderLength + BulkLength;

    /// <summary>Bytes between the fixed header and the bulk part.</summary>
    public int PrefixLength => ManifestLength + RecipientLength + SenderLength + HeaderLength;

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Magic);
        destination[2] = ProtocolVersion;
        destination[3] = (byte)Kind;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], checked((ushort)ManifestLength));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], checked((ushort)RecipientLength));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], checked((ushort)SenderLength));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], HeaderLength);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], BulkLength);
    }

    /// <summary>Parses and checks magic, version and lengths; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out FrameHeader header, out string error)
    {
        header = default;
        var magic = BinaryPrimitives.ReadUInt16LittleEndian(source);
        if (magic != Magic)
        {
            error = $"bad magic 0x{magic:X4} (expected 0x{Magic:X4}): not a RelayActors peer";
            return false;
        }
        if (source[2] != ProtocolVersion)
        {
            error = $"protocol version {source[2]}, this node speaks {ProtocolVersion}";
            return false;
        }
        var kind = (FrameKind)source[3];
        if (kind is < FrameKind.Message or > FrameKind.Rejected)
        {
            error = $"unknown frame kind {source[3]}";
            return false;
        }
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(source[12..]);
        var bulkLength = BinaryPrimitives.ReadInt64LittleEndian(source[16..]);
        if (headerLength < 0 || bulkLength < 0)
        {
            error = $"negative length (header part {headerLength}, bulk part {bulkLength})";
            return false;
        }
        header = new FrameHeader(kind, BinaryPrimitives.ReadUInt16LittleEndian(source[4..]), BinaryPrimitives.ReadUInt16LittleEndian(source[6..]),
            BinaryPrimitives.ReadUInt16LittleEndian(source[8..]), headerLength, bulkLength);
        error = "";
        return true;
    }
}
