using System.Collections.Concurrent;

namespace RelayActors.Actors.Workers;

/// <summary>
/// Payload arrays handed back and reused, so that a stream of multi-MiB parameter messages does not allocate a large
/// object per message (fresh arrays of that size cost a blocking full collection every few messages: docs/REMOTE.md).
/// Explicit hand-off: an array is returned exactly once, by whoever is last to read it: the receiving worker after
/// folding the payload in, or the transport after writing it to the socket. Thread-safe; keeps at most
/// <see cref="MaxPerLength"/> free arrays per length.
/// </summary>
public sealed class PayloadPool<T>
    where T : unmanaged
{
    private readonly ConcurrentDictionary<int, ConcurrentQueue<T[]>> _free = new();
    private long _allocated;
    private long _reused;

    /// <summary>A pool keeping up to <paramref name="maxPerLength"/> free arrays of each length.</summary>
    public PayloadPool(int maxPerLength = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerLength);
        MaxPerLength = maxPerLength;
    }

    public int MaxPerLength { get; }

    /// <summary>Arrays the pool had to allocate.</summary>
    public long Allocated => Interlocked.Read(ref _allocated);

    /// <summary>Rents served by a returned array.</summary>
    public long Reused => Interlocked.Read(ref _reused);

    /// <summary>An array of exactly <paramref name="length"/> elements with arbitrary contents (a returned one when there is one).</summary>
    public T[] Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
            return [];
        if (_free.TryGetValue(length, out var queue) && queue.TryDequeue(out var array))
        {
            Interlocked.Increment(ref _reused);
            return array;
        }
        Interlocked.Increment(ref _allocated);
        return GC.AllocateUninitializedArray<T>(length);
    }

    /// <summary>Hands <paramref name="array"/> back; the caller must not touch it again.</summary>
    public void Return(T[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Length == 0)
            return;
        var queue = _free.GetOrAdd(array.Length, static _ => new ConcurrentQueue<T[]>());
        // The bound is approximate under contention; it only caps memory.
        if (queue.Count < MaxPerLength)
            queue.Enqueue(array);
    }

    /// <summary>Hands back the array behind <paramref name="payload"/> when the payload is a whole array.</summary>
    public void Return(ReadOnlyMemory<T> payload)
    {
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(payload, out var segment) && segment.Array is { } array
            && segment.Offset == 0 && segment.Count == array.Length)
            Return(array);
    }
}
