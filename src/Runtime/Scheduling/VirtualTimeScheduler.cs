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
    private readonly PriorityQueue<ScheduledItem, (long Due, long Seq)> _queue = new();
    private readonly Lock _gate = new();
    private DeterministicDispatcher? _dispatcher;
    private long _nowTicks;
    private long _sequence;
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
                return _queue.TryPeek(out _, out var key) ? TimeSpan.FromTicks(key.Due) : null;
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

    private protected override ScheduledItem Enqueue(ScheduledItem item)
    {
        lock (_gate)
        {
            _queue.Enqueue(item, (item.DueTicks, _sequence++));
            if (item.IsRepeating)
                Interlocked.Increment(ref _pendingRepeating);
            else
                Interlocked.Increment(ref _pendingOnce);
        }
        return item;
    }

    /// <summary>Fires the earliest item if it is due at or before <paramref name="limitTicks"/>, then runs the work it caused.</summary>
    private bool TryFireNext(long limitTicks)
    {
        ScheduledItem item;
        lock (_gate)
        {
            DropCancelledHead();
            if (!_queue.TryPeek(out item!, out var key) || key.Due > limitTicks)
                return false;
            _queue.Dequeue();
            if (key.Due > _nowTicks)
                Volatile.Write(ref _nowTicks, key.Due);
            if (item.IsRepeating)
            {
                if (!item.IsPending)
                    return true;
                item.DueTicks = key.Due + item.IntervalTicks;
                _queue.Enqueue(item, (item.DueTicks, _sequence++));
            }
            else if (!item.TryClaim())
                return true;
            else
                Interlocked.Decrement(ref _pendingOnce);
        }
        Interlocked.Increment(ref _fired);
        item.Run();
        RunReady();
        return true;
    }

    private void DropCancelledHead()
    {
        while (_queue.TryPeek(out var head, out _) && !head.IsPending)
            _queue.Dequeue();
    }

    /// <summary>Cancels everything (system shutdown).</summary>
    internal void CancelAll()
    {
        ScheduledItem[] items;
        lock (_gate)
        {
            items = [.. _queue.UnorderedItems.Select(e => e.Element)];
            _queue.Clear();
        }
        foreach (var item in items)
            item.Cancel();
    }
}
