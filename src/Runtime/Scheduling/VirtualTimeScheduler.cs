using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Scheduling;

/// <summary>
/// A scheduler on a virtual clock (Akka.TestKit's TestScheduler, extended to drive a whole system). Nothing
/// happens until <see cref="Advance"/>, <see cref="AdvanceTo"/>, <see cref="RunUntilIdle"/> or <see cref="RunReady"/>
/// is called. Items fire in (due time, scheduling order); after each one, every message it caused is processed
/// before the next item, on the caller's thread. With the deterministic dispatcher this makes a seeded run
/// replay message for message.
/// </summary>
public sealed class VirtualTimeScheduler : SchedulerBase
{
    // Items are bucketed by due tick: a heap of the distinct due ticks and a FIFO queue per tick. FIFO inside a
    // bucket is scheduling order, so this is exactly (due, sequence) order; simulated link delays put many items
    // on few ticks, which keeps the heap small (docs/PERFORMANCE.md: 2-3x faster than one heap of all items).
    private readonly PriorityQueue<long, long> _dueTicks = new();
    private readonly Dictionary<long, Queue<ScheduledItem>> _buckets = [];
    private readonly Stack<Queue<ScheduledItem>> _spareBuckets = new();
    private readonly Lock _gate = new();
    private DeterministicDispatcher? _dispatcher;
    private long _nowTicks;
    private long _pendingOnce;
    private long _pendingRepeating;
    private long _fired;

    public VirtualTimeScheduler()
    {
        OnCancel = item =>
        {
            if (item.IsRepeating)
                Interlocked.Decrement(ref _pendingRepeating);
            else
                Interlocked.Decrement(ref _pendingOnce);
        };
    }

    public override TimeSpan Now => TimeSpan.FromTicks(Volatile.Read(ref _nowTicks));

    private protected override Action<ScheduledItem> OnCancel { get; }

    /// <summary>Scheduled items that have neither run nor been cancelled (repeating ones count once).</summary>
    public long PendingCount => Interlocked.Read(ref _pendingOnce) + Interlocked.Read(ref _pendingRepeating);

    /// <summary>Items run so far (each repetition counts).</summary>
    public long FiredCount => Interlocked.Read(ref _fired);

    /// <summary>Due time of the earliest live item, or null when nothing is scheduled.</summary>
    public TimeSpan? NextDue
    {
        get
        {
            lock (_gate)
            {
                DropCancelledHead();
                return _dueTicks.TryPeek(out var due, out _) ? TimeSpan.FromTicks(due) : null;
            }
        }
    }

    internal void Attach(DeterministicDispatcher dispatcher) => _dispatcher = dispatcher;

    /// <summary>Processes every message that is ready now, without moving the clock; returns the mailbox turns run.</summary>
    public long RunReady() => _dispatcher?.RunReady() ?? 0;

    /// <summary>Moves the clock forward by <paramref name="duration"/>, running everything due on the way.</summary>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Virtual time cannot go backwards");
        AdvanceTo(Now + duration);
    }

    /// <summary>Moves the clock to <paramref name="time"/>, running everything due up to and including it.</summary>
    public void AdvanceTo(TimeSpan time)
    {
        var target = time.Ticks;
        if (target < Volatile.Read(ref _nowTicks))
            throw new ArgumentOutOfRangeException(nameof(time), time, $"Virtual time cannot go backwards (now {Now})");
        RunReady();
        while (TryFireNext(target))
        {
        }
        Volatile.Write(ref _nowTicks, target);
        RunReady();
    }

    /// <summary>
    /// Runs until no one-shot item is scheduled and no message is waiting; repeating items fire on the way but do
    /// not keep the run alive. Throws if more than <paramref name="maxItems"/> items fire (a runaway feedback loop).
    /// Returns the virtual time at which it went idle.
    /// </summary>
    public TimeSpan RunUntilIdle(long maxItems = 100_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        var start = FiredCount;
        RunReady();
        while (Interlocked.Read(ref _pendingOnce) > 0)
        {
            if (FiredCount - start >= maxItems)
                throw new InvalidOperationException($"RunUntilIdle fired {maxItems} items without going idle (virtual time {Now}); something keeps rescheduling itself");
            if (!TryFireNext(long.MaxValue))
                break;
        }
        return Now;
    }

    /// <summary>
    /// Runs like <see cref="RunUntilIdle"/> but returns as soon as <paramref name="stop"/> is true, checking it before
    /// every mailbox turn and every item. Messages still queued then stay queued, in order, for a later run (or become
    /// dead letters at shutdown): messages told directly from handlers can keep one cascade going indefinitely, so
    /// checking only between items would not stop it. Returns true when <paramref name="stop"/> ended the run, false
    /// when it went idle first (nothing left to fire).
    /// </summary>
    public bool RunUntil(Func<bool> stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        _dispatcher?.RunReady(stop);
        while (!stop())
        {
            if (Interlocked.Read(ref _pendingOnce) == 0 || !TryFireNext(long.MaxValue, stop))
                return stop();
        }
        return true;
    }

    private protected override ScheduledItem Enqueue(ScheduledItem item)
    {
        lock (_gate)
        {
            AddToBucket(item);
            if (item.IsRepeating)
                Interlocked.Increment(ref _pendingRepeating);
            else
                Interlocked.Increment(ref _pendingOnce);
        }
        return item;
    }

    private void AddToBucket(ScheduledItem item)
    {
        if (!_buckets.TryGetValue(item.DueTicks, out var bucket))
        {
            bucket = _spareBuckets.TryPop(out var spare) ? spare : new Queue<ScheduledItem>();
            _buckets.Add(item.DueTicks, bucket);
            _dueTicks.Enqueue(item.DueTicks, item.DueTicks);
        }
        bucket.Enqueue(item);
    }

    /// <summary>
    /// Fires the earliest item if it is due at or before <paramref name="limitTicks"/>, then runs the work it caused
    /// (until <paramref name="stop"/>, when given, is true).
    /// </summary>
    private bool TryFireNext(long limitTicks, Func<bool>? stop = null)
    {
        ScheduledItem item;
        lock (_gate)
        {
            DropCancelledHead();
            if (!_dueTicks.TryPeek(out var due, out _) || due > limitTicks)
                return false;
            var bucket = _buckets[due];
            item = bucket.Dequeue();
            if (bucket.Count == 0)
                RemoveHeadBucket(due, bucket);
            if (due > _nowTicks)
                Volatile.Write(ref _nowTicks, due);
            if (item.IsRepeating)
            {
                item.DueTicks = due + item.IntervalTicks;
                AddToBucket(item);
            }
            else if (!item.TryClaim())
                return true;
            else
                Interlocked.Decrement(ref _pendingOnce);
        }
        Interlocked.Increment(ref _fired);
        item.Run();
        _dispatcher?.RunReady(stop);
        return true;
    }

    private void DropCancelledHead()
    {
        while (_dueTicks.TryPeek(out var due, out _))
        {
            var bucket = _buckets[due];
            while (bucket.Count > 0 && !bucket.Peek().IsPending)
                bucket.Dequeue();
            if (bucket.Count > 0)
                return;
            RemoveHeadBucket(due, bucket);
        }
    }

    private void RemoveHeadBucket(long due, Queue<ScheduledItem> bucket)
    {
        _dueTicks.Dequeue();
        _buckets.Remove(due);
        _spareBuckets.Push(bucket);
    }

    /// <summary>Cancels everything (system shutdown).</summary>
    internal void CancelAll()
    {
        ScheduledItem[] items;
        lock (_gate)
        {
            items = [.. _buckets.Values.SelectMany(b => b)];
            _buckets.Clear();
            _dueTicks.Clear();
        }
        foreach (var item in items)
            item.Cancel();
    }
}
