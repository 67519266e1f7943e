namespace RelayActors.Runtime.Remote;

/// <summary>
/// A message ready to send: fixed header, strings and header part in a pooled array (returned after writing), and
/// the bulk part, still the message's own memory.
/// </summary>
internal readonly record struct OutboundFrame(byte[] Prefix, int PrefixLength, ReadOnlyMemory<byte> Bulk, IMessageSerializer Serializer, object Message)
{
    public long Size => PrefixLength + (long)Bulk.Length;

    /// <summary>Returns the prefix buffer and tells the serializer the bulk part is no longer needed (written or dropped).</summary>
    public void Release()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(Prefix);
        Serializer.Released(Message);
    }
}
