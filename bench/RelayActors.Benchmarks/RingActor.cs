using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>A ring member: passes every token to the next member until the token's hops are used up.</summary>
internal sealed class RingActor(RingState state, int index) : Actor<RingToken>
{
    private IActorRef<RingToken>? _next;

    protected override void Receive(RingToken message)
    {
        if (--message.HopsLeft <= 0)
        {
            state.TokenFinished();
            return;
        }
        _next ??= state.Members[(index + 1) % state.Members.Length];
        _next.Tell(message);
    }
}
