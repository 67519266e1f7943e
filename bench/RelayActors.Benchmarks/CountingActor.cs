using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>The sink of the 1→1 scenarios: counts every message and signals at the target; stops at an optional gate.</summary>
internal sealed class CountingActor(ArrivalCounter counter, ConsumerGate? gate = null) : Actor<Ping>
{
    protected override void Receive(Ping message)
    {
        if (gate is not null && ConsumerGate.IsGate(message))
            gate.Hold();
        else
            counter.Arrive();
    }
}
