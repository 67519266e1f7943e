namespace RelayActors.Benchmarks;

/// <summary>
/// Counts arrivals and opens <see cref="Done"/> at the target. Touched by one actor at a time (the actor model
/// guarantees it); <see cref="Reset"/> is called by the driver while no message is in flight, and the mailbox's
/// enqueue publishes it to the actor's next turn.
/// </summary>
internal sealed class ArrivalCounter : IDisposable
{
    private long _count;
    private long _target;

    public ManualResetEventSlim Done { get; } = new(initialState: false);

    public long Count => Volatile.Read(ref _count);

    public void Reset(long target)
    {
        Done.Reset();
        Volatile.Write(ref _count, 0);
        _target = target;
    }

    public void Arrive()
    {
        if (++_count == _target)
            Done.Set();
    }

    public void Dispose() => Done.Dispose();
}
