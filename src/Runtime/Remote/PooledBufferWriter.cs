using System.Buffers;

namespace RelayActors.Runtime.Remote;

/// <summary>A growable <see cref="IBufferWriter{T}"/> over an <see cref="ArrayPool{T}"/> array, reused between frames.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;

    public PooledBufferWriter(int initialCapacity = 1024) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int WrittenCount { get; private set; }

    public Span<byte> WrittenSpan => _buffer.AsSpan(0, WrittenCount);

    public void Clear() => WrittenCount = 0;

    public void Advance(int count)
    {
        if (count < 0 || WrittenCount + count > _buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"Advance({count}) past the buffer's end ({WrittenCount} of {_buffer.Length} written)");
        WrittenCount += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(WrittenCount);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        WrittenCount = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
            return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, WrittenCount).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
