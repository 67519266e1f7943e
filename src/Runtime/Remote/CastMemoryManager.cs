using System.Buffers;
using System.Runtime.InteropServices;

namespace RelayActors.Runtime.Remote;

/// <summary>The bytes of a <typeparamref name="T"/> array segment as <see cref="Memory{T}"/> of bytes, without copying.</summary>
internal sealed class CastMemoryManager<T>(ArraySegment<T> segment) : MemoryManager<byte>
    where T : unmanaged
{
    private GCHandle _handle;
    private int _pins;

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(segment.AsSpan());

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        lock (this)
        {
            if (_pins++ == 0)
                _handle = GCHandle.Alloc(segment.Array, GCHandleType.Pinned);
            var start = (byte*)_handle.AddrOfPinnedObject() + segment.Offset * sizeof(T);
            return new MemoryHandle(start + elementIndex, default, this);
        }
    }

    public override void Unpin()
    {
        lock (this)
        {
            if (--_pins == 0)
                _handle.Free();
        }
    }

    protected override void Dispose(bool disposing)
    {
        // Nothing owned: the array belongs to the message.
    }
}
