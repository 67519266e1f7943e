using System.Net.Sockets;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// Buffered blocking reads from one socket: small parts come from a pooled buffer filled by large receives, bulk
/// parts are copied from what is buffered and then received straight into their destination.
/// </summary>
internal sealed class SocketReader(Socket socket, int bufferSize) : IDisposable
{
    private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(bufferSize);
    private int _start;
    private int _end;

    /// <summary>Bytes read from the socket so far.</summary>
    public long TotalRead { get; private set; }

    public int Capacity => _buffer.Length;

    /// <summary>The next <paramref name="count"/> buffered bytes (valid until the next call).</summary>
    public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan(_start, count);

    public void Consume(int count) => _start += count;

    /// <summary>
    /// Buffers at least <paramref name="count"/> bytes (≤ <see cref="Capacity"/>). False on a clean end of stream
    /// before any byte of them; <see cref="EndOfStreamException"/> when the stream ends part-way.
    /// </summary>
    public bool Fill(int count)
    {
        if (_end - _start >= count)
            return true;
        if (_start + count > _buffer.Length)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        while (_end - _start < count)
        {
            var n = socket.Receive(_buffer.AsSpan(_end), SocketFlags.None);
            if (n == 0)
            {
                if (_end == _start)
                    return false;
                throw new EndOfStreamException($"connection closed after {_end - _start} of {count} bytes");
            }
            _end += n;
            TotalRead += n;
        }
        return true;
    }

    /// <summary>Fills <paramref name="destination"/> completely (in pieces of at most <paramref name="chunk"/> bytes).</summary>
    public void ReadExactly(Span<byte> destination, int chunk)
    {
        var buffered = Math.Min(_end - _start, destination.Length);
        _buffer.AsSpan(_start, buffered).CopyTo(destination);
        _start += buffered;
        var done = buffered;
        while (done < destination.Length)
        {
            var n = socket.Receive(destination.Slice(done, Math.Min(chunk, destination.Length - done)), SocketFlags.None);
            if (n == 0)
                throw new EndOfStreamException($"connection closed after {done} of {destination.Length} bulk bytes");
            done += n;
            TotalRead += n;
        }
    }

    /// <summary>Reads and discards <paramref name="count"/> bytes.</summary>
    public void Skip(long count)
    {
        while (count > 0)
        {
            if (_end == _start && !Fill(1))
                throw new EndOfStreamException($"connection closed with {count} bytes of a skipped frame unread");
            var n = (int)Math.Min(count, _end - _start);
            _start += n;
            count -= n;
        }
    }

    public void Dispose()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
