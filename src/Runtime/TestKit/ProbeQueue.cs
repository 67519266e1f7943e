using System.Collections.Concurrent;
using System.Diagnostics;

namespace RelayActors.Runtime.TestKit;

/// <summary>What a probe received, in arrival order; real-clock takers can block until a message arrives.</summary>
internal sealed class ProbeQueue
{
    private readonly ConcurrentQueue<ReceivedMessage> _items = new();
    private readonly object _gate = new();

    public int Count => _items.Count;

    public void Add(ReceivedMessage message)
    {
        _items.Enqueue(message);
        lock (_gate)
            Monitor.PulseAll(_gate);
    }

    public bool TryTake(out ReceivedMessage message) => _items.TryDequeue(out message!);

    /// <summary>Takes the next message, waiting up to <paramref name="wait"/> of wall-clock time.</summary>
    public ReceivedMessage? TakeWaiting(TimeSpan wait)
    {
        var start = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            while (true)
            {
                if (_items.TryDequeue(out var message))
                    return message;
                var left = wait - Stopwatch.GetElapsedTime(start);
                if (left <= TimeSpan.Zero)
                    return null;
                Monitor.Wait(_gate, left);
            }
        }
    }
}
