using System.Diagnostics;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>
/// Receiving end of the remote scenario: counts arrivals and sets <see cref="Done"/> at the target; for a
/// <see cref="MessageLost"/> whose step is a <see cref="Stopwatch"/> timestamp it records the one-way latency in ms.
/// </summary>
internal sealed class RemoteSink
{
    private long _arrived;
    private long _target = long.MaxValue;

    public ManualResetEventSlim Done { get; } = new();

    public List<double> LatenciesMs { get; } = [];

    public long Arrived => Interlocked.Read(ref _arrived);

    public void Reset(long target)
    {
        Done.Reset();
        lock (LatenciesMs)
            LatenciesMs.Clear();
        Interlocked.Exchange(ref _arrived, 0);
        Interlocked.Exchange(ref _target, target);
    }

    public void Arrive(object message)
    {
        if (message is MessageLost { Round: -1 } timed)
        {
            lock (LatenciesMs)
                LatenciesMs.Add(Stopwatch.GetElapsedTime(timed.Step).TotalMilliseconds);
            return;
        }
        if (Interlocked.Increment(ref _arrived) == Interlocked.Read(ref _target))
            Done.Set();
    }

    /// <summary>The actor that feeds the sink.</summary>
    public sealed class Actor(RemoteSink sink, PayloadPool<float>? payloads = null) : UntypedActor
    {
        protected override void Receive(object message)
        {
            sink.Arrive(message);
            if (payloads is not null && message is PeerMessage<float> m)
                payloads.Return(m.Payload);
        }
    }
}
