using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>What the ring members share: their refs (filled before any token moves) and the count of live tokens.</summary>
internal sealed class RingState(int size) : IDisposable
{
    private long _liveTokens;

    public IActorRef<RingToken>[] Members { get; } = new IActorRef<RingToken>[size];

    public ManualResetEventSlim Done { get; } = new(initialState: false);

    public long LiveTokens => Interlocked.Read(ref _liveTokens);

    public void Reset(long tokens)
    {
        Done.Reset();
        Interlocked.Exchange(ref _liveTokens, tokens);
    }

    /// <summary>Called once per token when its last hop arrives (rare, so the shared counter costs nothing).</summary>
    public void TokenFinished()
    {
        if (Interlocked.Decrement(ref _liveTokens) == 0)
            Done.Set();
    }

    public void Dispose() => Done.Dispose();
}
