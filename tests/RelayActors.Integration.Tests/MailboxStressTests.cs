using RelayActors.Runtime.Kernel;

namespace RelayActors.Integration.Tests;

/// <summary>
/// Regression for the mailbox race the ring benchmark found: a mailbox peeked its single-reader queue after a
/// turn while the next turn read it on another thread, which lost messages and invoked an actor with a null one.
/// Many rings of actors on the real thread pool pass tokens whose every hop must arrive.
/// </summary>
public sealed class MailboxStressTests
{
    private interface IRingMessage;

    private sealed record Token(int Hops) : IRingMessage;

    private sealed record SetNext(IActorRef<IRingMessage> Next) : IRingMessage;

    private sealed class RingMember(CountdownEvent finished, int hops) : Actor<IRingMessage>
    {
        private IActorRef<IRingMessage>? _next;

        protected override void Receive(IRingMessage message)
        {
            switch (message)
            {
                case SetNext s:
                    _next = s.Next;
                    break;
                case Token { Hops: var h } when h >= hops:
                    finished.Signal();
                    break;
                case Token t:
                    _next!.Tell(t with { Hops = t.Hops + 1 });
                    break;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task ManyShortRings_EveryTokenCompletesEveryHop_AndNothingFails(int throughput)
    {
        const int rings = 24;
        const int size = 6;
        const int tokensPerRing = 64;
        const int hops = 300;
        await using var system = ActorSystem.Create("stress", ActorSystemSettings.Default with { Throughput = throughput });
        using var finished = new CountdownEvent(rings * tokensPerRing);
        for (var r = 0; r < rings; r++)
        {
            var ring = Enumerable.Range(0, size).Select(_ => system.ActorOf(Props.Create(() => new RingMember(finished, hops)))).ToArray();
            // Every SetNext is enqueued before the first token exists, so it precedes every token in its mailbox.
            for (var i = 0; i < size; i++)
                ring[i].Tell(new SetNext(ring[(i + 1) % size]));
            for (var t = 0; t < tokensPerRing; t++)
                ring[t % size].Tell(new Token(0));
        }

        var completed = await Task.Run(() => finished.Wait(TimeSpan.FromSeconds(60)));

        Assert.True(completed, $"{finished.CurrentCount} of {rings * tokensPerRing} tokens never finished: messages were lost");
        Assert.Equal(0, system.FailureCount);
        Assert.Equal(0, system.DeadLetterCount);
    }
}
