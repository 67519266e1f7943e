namespace RelayActors.Runtime.Kernel;

/// <summary>Runs mailboxes that have work. A mailbox is scheduled at most once at a time, so an actor never runs on two threads.</summary>
internal abstract class Dispatcher
{
    public abstract void Schedule(Mailbox mailbox);
}

/// <summary>Runs mailboxes on the .NET thread pool.</summary>
internal sealed class ThreadPoolDispatcher : Dispatcher
{
    public static readonly ThreadPoolDispatcher Instance = new();

    public override void Schedule(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}

/// <summary>
/// Runs mailboxes one at a time, in the order they became ready, only when <see cref="RunReady"/> is called
/// (by the virtual-time scheduler or a test). With no other source of nondeterminism, the same inputs give
/// the same message order every time.
/// </summary>
internal sealed class DeterministicDispatcher : Dispatcher
{
    private readonly Queue<Mailbox> _ready = new();
    private readonly Lock _gate = new();
    private int _running;

    public override void Schedule(Mailbox mailbox)
    {
        lock (_gate)
            _ready.Enqueue(mailbox);
    }

    /// <summary>
    /// Runs turns until no mailbox has work, or until <paramref name="stop"/> (asked before every turn) is true; returns
    /// the number of turns run. Mailboxes left waiting keep their order for the next call. Re-entrant calls return 0.
    /// </summary>
    public long RunReady(Func<bool>? stop = null)
    {
        // A handler that calls RunReady (e.g. a blocking test helper inside an actor) must not nest turns.
        if (Interlocked.Exchange(ref _running, 1) == 1)
            return 0;
        long turns = 0;
        try
        {
            while (stop is null || !stop())
            {
                Mailbox? next;
                lock (_gate)
                {
                    if (!_ready.TryDequeue(out next))
                        return turns;
                }
                ((IThreadPoolWorkItem)next).Execute();
                turns++;
            }
            return turns;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
