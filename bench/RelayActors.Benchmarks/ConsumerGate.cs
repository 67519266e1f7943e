namespace RelayActors.Benchmarks;

/// <summary>
/// Holds a consumer inside one message so its mailbox stays "scheduled": the producer then measures the bare cost
/// of Tell (it never finds the mailbox idle and never competes with a reader), and opening the gate measures the
/// bare cost of draining a full queue. Blocking inside a handler is a benchmark fixture only, never actor style.
/// </summary>
internal sealed class ConsumerGate : IDisposable
{
    private readonly ManualResetEventSlim _entered = new(initialState: false);
    private readonly ManualResetEventSlim _open = new(initialState: false);

    /// <summary>The message that makes a <see cref="CountingActor"/> stop at the gate; it is not counted.</summary>
    public static Ping Message { get; } = new(-2);

    public static bool IsGate(object message) => ReferenceEquals(message, Message);

    /// <summary>Called by the consumer on <see cref="Message"/>: announces itself and waits for <see cref="Open"/>.</summary>
    public void Hold()
    {
        _entered.Set();
        if (!_open.Wait(TimeSpan.FromSeconds(120)))
            throw new TimeoutException("Consumer gate was never opened");
    }

    /// <summary>Waits until the consumer is held at the gate.</summary>
    public void AwaitHeld()
    {
        if (!_entered.Wait(TimeSpan.FromSeconds(120)))
            throw new TimeoutException("Consumer never reached the gate");
    }

    public void Open() => _open.Set();

    public void Dispose()
    {
        _entered.Dispose();
        _open.Dispose();
    }
}
