namespace RelayActors.Runtime.Remote;

/// <summary>
/// A message ready to send: fixed header, strings and header part in a pooled array (returned after writing), and
/// the bulk part, still the message's own memory.
/// </summary>
internal readonly record struct OutboundFrame(byte[] Prefix, int PrefixLength, ReadOnlyMemory<byte> Bulk)
{
    public long Size => PrefixLength + (long)Bulk.Length;
}
