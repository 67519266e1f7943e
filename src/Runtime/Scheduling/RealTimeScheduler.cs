using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Scheduling;

/// <summary>
/// A scheduler on the real clock: a priority queue ordered by (due, scheduling order) served by one dedicated
/// thread, with time read from a <see cref="TimeProvider"/>. Precision: an item never runs before its due time;
/// the thread sleeps until the due millisecond, so lateness is typically under 1.2 ms on an idle machine and
/// grows with CPU contention (measured numbers in docs/PERFORMANCE.md). Actions run on the timer thread and
/// must be short; tells only enqueue.
/// </summary>
internal sealed class RealTimeScheduler : SchedulerBase, IDisposable
{
    private readonly PriorityQueue<ScheduledItem, (long Due, long Seq)> _queue = new();
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ILogger _log;
    private readonly Thread _thread;
    private long _sequence;
    private long _pending;
    private bool _disposed;

    public RealTimeScheduler(TimeProvider time, ILogger log, string name)
    {
        _time = time;
        _log = log;
        _start = time.GetTimestamp();
        OnCancel = _ => Interlocked.Decrement(ref _pending);
        _thread = new Thread(Loop) { IsBackground = true, Name = $"relay-scheduler-{name}" };
        _thread.Start();
    }

    public override TimeSpan Now => _time.GetElapsedTime(_start);

    private protected override Action<ScheduledItem> OnCancel { get; }

    /// <summary>Items that have neither run nor been cancelled (a repeating item counts once).</summary>
    public long PendingCount => Interlocked.Read(ref _pending);

    /// <summary>True once the timer thread has exited.</summary>
    public bool IsStopped => !_thread.IsAlive;

    private protected override ScheduledItem Enqueue(ScheduledItem item)
    {
        lock (_gate)
        {
            if (_disposed)
                throw new ActorSystemTerminatedException("Cannot schedule: the scheduler has been shut down with its actor system");
            var wasHead = !_queue.TryPeek(out _, out var head) || item.DueTicks < head.Due;
            _queue.Enqueue(item, (item.DueTicks, _sequence++));
            Interlocked.Increment(ref _pending);
            if (wasHead)
                Monitor.Pulse(_gate);
        }
        return item;
    }

    private void Loop()
    {
        var due = new List<ScheduledItem>();
        while (true)
        {
            lock (_gate)
            {
                while (true)
                {
                    if (_disposed)
                        return;
                    if (!_queue.TryPeek(out var head, out var key))
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }
                    if (!head.IsPending)
                    {
                        _queue.Dequeue();
                        continue;
                    }
                    var now = Now.Ticks;
                    if (key.Due > now)
                    {
                        // Round up: waking early would only cost another wait, waking late costs precision.
                        var waitMs = (int)Math.Min(int.MaxValue, (key.Due - now + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
                        Monitor.Wait(_gate, waitMs);
                        continue;
                    }
                    CollectDue(now, due);
                    break;
                }
            }
            foreach (var item in due)
                Fire(item);
            due.Clear();
        }
    }

    private void CollectDue(long now, List<ScheduledItem> due)
    {
        while (_queue.TryPeek(out var item, out var key) && key.Due <= now)
        {
            _queue.Dequeue();
            if (item.IsRepeating)
            {
                if (!item.IsPending)
                    continue;
                // Fixed rate from the original due time; a stalled thread catches up by at most one tick.
                item.DueTicks = Math.Max(key.Due + item.IntervalTicks, now);
                _queue.Enqueue(item, (item.DueTicks, _sequence++));
                due.Add(item);
            }
            else if (item.TryClaim())
            {
                Interlocked.Decrement(ref _pending);
                due.Add(item);
            }
        }
    }

    private void Fire(ScheduledItem item)
    {
        try
        {
            item.Run();
        }
        catch (Exception ex)
        {
            RuntimeLog.ScheduledActionFailed(_log, ex, TimeSpan.FromTicks(item.DueTicks));
        }
    }

    /// <summary>Cancels everything and stops the timer thread (waits for it unless called from it).</summary>
    public void Dispose()
    {
        ScheduledItem[] items;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            items = [.. _queue.UnorderedItems.Select(e => e.Element)];
            _queue.Clear();
            Monitor.PulseAll(_gate);
        }
        foreach (var item in items)
            item.Cancel();
        if (Thread.CurrentThread != _thread)
            _thread.Join();
    }
}
