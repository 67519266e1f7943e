using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Runtime.Tests.Kernel;

/// <summary>A seeded virtual-time run of many actors must replay message for message.</summary>
public sealed class DeterminismTests
{
    private sealed record Token(int Hop, int Origin);

    /// <summary>Forwards tokens to random peers after random delays and records what it saw.</summary>
    private sealed class Gossiper(int id, int seed, List<string> trace) : Actor<object>
    {
        private readonly Random _random = new(HashCode.Combine(seed, id));

        public IActorRef<object>[] Peers { get; set; } = [];

        protected override void Receive(object message)
        {
            switch (message)
            {
                case IActorRef<object>[] peers:
                    Peers = peers;
                    break;
                case Token t:
                    trace.Add($"{Context.Scheduler.Now.Ticks}:{id}<-{t.Origin}:{t.Hop}");
                    if (t.Hop < 40)
                    {
                        var next = Peers[_random.Next(Peers.Length)];
                        var delay = TimeSpan.FromMicroseconds(_random.Next(0, 5) * 250);
                        Context.Scheduler.ScheduleTellOnce(delay, next, new Token(t.Hop + 1, id), Context.SelfRef);
                        if (_random.Next(4) == 0)
                            next.Tell(new Token(t.Hop + 1, id));
                    }
                    break;
            }
        }
    }

    private static List<string> Run(int seed)
    {
        var trace = new List<string>();
        using var system = ActorSystem.Create("det", ActorSystemSettings.VirtualTime with { Throughput = 3 });
        var actors = Enumerable.Range(0, 50).Select(i => system.ActorOf(Props.Create(() => new Gossiper(i, seed, trace)), $"g{i}")).ToArray();
        foreach (var a in actors)
            a.Tell(actors);
        for (var i = 0; i < 10; i++)
            actors[i * 5].Tell(new Token(0, -1));
        ((VirtualTimeScheduler)system.Scheduler).RunUntilIdle();
        return trace;
    }

    [Fact]
    public void SeededVirtualRun_ProducesIdenticalTraceTwice()
    {
        var first = Run(seed: 7);
        var second = Run(seed: 7);

        Assert.True(first.Count > 500, $"trace too short to mean anything: {first.Count}");
        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSeeds_ProduceDifferentTraces()
    {
        Assert.NotEqual(Run(seed: 7), Run(seed: 8));
    }
}
