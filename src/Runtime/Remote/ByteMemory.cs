using System.Runtime.InteropServices;

namespace RelayActors.Runtime.Remote;

/// <summary>Views of numeric arrays as raw bytes for <see cref="IMessageSerializer"/> bulk parts (no copies for array-backed memory).</summary>
public static class ByteMemory
{
    /// <summary>The bytes of <paramref name="memory"/> in machine order; copies only when it is not backed by an array.</summary>
    public static ReadOnlyMemory<byte> AsBytes<T>(ReadOnlyMemory<T> memory)
        where T : unmanaged
    {
        if (memory.IsEmpty)
            return ReadOnlyMemory<byte>.Empty;
        if (MemoryMarshal.TryGetArray(memory, out var segment))
            return new CastMemoryManager<T>(segment).Memory;
        return MemoryMarshal.AsBytes(memory.Span).ToArray();
    }

    /// <summary>The bytes of <paramref name="array"/>, writable: a serializer's bulk destination that fills the array itself.</summary>
    public static Memory<byte> AsBytes<T>(T[] array)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        return array.Length == 0 ? Memory<byte>.Empty : new CastMemoryManager<T>(new ArraySegment<T>(array)).Memory;
    }
}
