using System.Collections.Concurrent;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Tests.Kernel;

/// <summary>Real thread-pool dispatcher under load: ordering per sender and one thread per actor at a time.</summary>
public sealed class ConcurrencyTests
{
    private sealed record Numbered(int Sender, int Seq);

    private sealed record Report(int Violations, int Received, int MaxConcurrency);

    /// <summary>Checks per-sender order and that no two threads are inside Receive at once.</summary>
    private sealed class OrderChecker(int expected, TaskCompletionSource<Report> done) : Actor<Numbered>
    {
        private readonly Dictionary<int, int> _last = [];
        private int _inside;
        private int _maxInside;
        private int _violations;
        private int _received;

        protected override void Receive(Numbered message)
        {
            var inside = Interlocked.Increment(ref _inside);
            _maxInside = Math.Max(_maxInside, inside);
            if (_last.TryGetValue(message.Sender, out var last) && message.Seq != last + 1)
                _violations++;
            _last[message.Sender] = message.Seq;
            // Widen the window in which a second thread would be caught inside.
            Thread.SpinWait(20);
            Interlocked.Decrement(ref _inside);
            if (++_received == expected)
                done.TrySetResult(new Report(_violations, _received, _maxInside));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public async Task Tell_ConcurrentSenders_PreservePerSenderOrderAndNeverRunActorConcurrently(int throughput)
    {
        const int senders = 8;
        const int perSender = 20_000;
        await using var system = ActorSystem.Create("concurrency", ActorSystemSettings.Default with { Throughput = throughput });
        var done = new TaskCompletionSource<Report>(TaskCreationOptions.RunContinuationsAsynchronously);
        var checker = system.ActorOf(Props.Create(() => new OrderChecker(senders * perSender, done)));

        var threads = Enumerable.Range(0, senders).Select(s => new Thread(() =>
        {
            for (var i = 0; i < perSender; i++)
                checker.Tell(new Numbered(s, i));
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var report = await done.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(new Report(0, senders * perSender, 1), report);
    }

    private sealed class Relay(IActorRef<Numbered> next, int id) : Actor<int>
    {
        private int _seq;

        protected override void Receive(int count)
        {
            for (var i = 0; i < count; i++)
                next.Tell(new Numbered(id, _seq++));
        }
    }

    [Fact]
    public async Task Tell_ActorToActorUnderLoad_PreservesPerPairOrder()
    {
        const int relays = 6;
        const int perRelay = 10_000;
        await using var system = ActorSystem.Create("pairs", ActorSystemSettings.Default with { Throughput = 5 });
        var done = new TaskCompletionSource<Report>(TaskCreationOptions.RunContinuationsAsynchronously);
        var checker = system.ActorOf(Props.Create(() => new OrderChecker(relays * perRelay, done)));
        var sources = Enumerable.Range(0, relays).Select(i => system.ActorOf(Props.Create(() => new Relay(checker, i)))).ToList();

        // Many small batches interleave the relays' turns on the pool.
        for (var batch = 0; batch < 100; batch++)
            foreach (var source in sources)
                source.Tell(perRelay / 100);
        var report = await done.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, report.Violations);
        Assert.Equal(1, report.MaxConcurrency);
    }

    private sealed class Collector(ConcurrentQueue<int> order, IActorRef<object> done, int expected) : Actor<int>
    {
        protected override void Receive(int message)
        {
            order.Enqueue(message);
            if (order.Count == expected)
                done.Tell("done");
        }
    }

    [Fact]
    public void Throughput_LimitsMessagesPerTurn_SoActorsTakeTurns()
    {
        // On the deterministic dispatcher turns are visible: with throughput 2, two busy actors alternate in pairs.
        using var system = ActorSystem.Create("fair", ActorSystemSettings.VirtualTime with { Throughput = 2 });
        var probe = new RelayActors.Runtime.TestKit.TestProbe(system);
        var order = new ConcurrentQueue<int>();
        var a = system.ActorOf(Props.Create(() => new Collector(order, probe.Ref, 12)));
        var b = system.ActorOf(Props.Create(() => new Collector(order, probe.Ref, 12)));
        for (var i = 0; i < 6; i++)
        {
            a.Tell(100 + i);
            b.Tell(200 + i);
        }

        probe.ExpectMsg("done");

        Assert.Equal([100, 101, 200, 201, 102, 103, 202, 203, 104, 105, 204, 205], order.ToArray());
    }
}
