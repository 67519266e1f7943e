using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>Records, for each <see cref="DueTell"/>, the scheduler time at which it arrived.</summary>
internal sealed class LatencyActor(TimeSpan[] arrivals, ArrivalCounter counter) : Actor<DueTell>
{
    protected override void Receive(DueTell message)
    {
        arrivals[message.Index] = Context.Scheduler.Now;
        counter.Arrive();
    }
}
