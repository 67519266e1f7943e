using System.Threading.Channels;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario 4, bytes allocated per Tell on the steady path. Producer thread: <see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// around a warmed-up burst, either all at once (the unbounded mailbox grows) or paced in bursts the actor drains
/// (the mailbox stays small). Whole process: <see cref="GC.GetTotalAllocatedBytes(bool)"/> around a full 1→1 run.
/// The raw channel is measured the same way for comparison (one long-lived channel, like a long-lived mailbox).
/// </summary>
internal static class AllocationBenchmark
{
    private const int PacedBurst = 1_000;

    public static void Run(BenchOptions options, TextWriter output)
    {
        var burst = options.Messages / 10;
        var table = new MarkdownTable("4. Allocation per Tell on the steady path (bytes/message, median (min–max))",
            "Measurement", "RelayActors Tell", "Raw channel write");
        using (var tell = new TellProbe())
        using (var channel = new ChannelProbe())
        {
            // Warm-up: JIT, and both queues grow to their steady segment sizes (a drained ConcurrentQueue segment is reused).
            tell.Burst(burst);
            channel.Burst(burst);
            table.Add($"producer thread, one burst of {burst:N0} (queue grows)",
                MarkdownTable.Plain(Measure.Repeat(0, options.Repetitions, () => tell.Burst(burst))),
                MarkdownTable.Plain(Measure.Repeat(0, options.Repetitions, () => channel.Burst(burst))));
            table.Add($"producer thread, paced bursts of {PacedBurst:N0} (queue stays small)",
                MarkdownTable.Plain(Measure.Repeat(1, options.Repetitions, () => tell.Paced(burst))),
                MarkdownTable.Plain(Measure.Repeat(1, options.Repetitions, () => channel.Paced(burst))));
            var gcs = new int[3];
            table.Add($"whole process, 1→1 run of {options.Messages:N0}",
                MarkdownTable.Plain(Measure.Repeat(0, options.Repetitions, () => tell.WholeProcess(options.Messages, gcs))),
                MarkdownTable.Plain(Measure.Repeat(0, options.Repetitions, () => channel.WholeProcess(options.Messages))));
            table.Add("GCs during the 5 whole-process Tell runs (gen0/gen1/gen2)", $"{gcs[0]}/{gcs[1]}/{gcs[2]}", "");
        }
        table.Print(output);
    }

    /// <summary>One actor system and counting actor reused across the allocation measurements.</summary>
    private sealed class TellProbe : IDisposable
    {
        private readonly ActorSystem _system = ActorSystem.Create("alloc-bench", ActorSystemSettings.Default);
        private readonly ArrivalCounter _counter = new();
        private readonly IActorRef<Ping> _sink;
        private readonly Ping[] _pool = Ping.Pool();

        public TellProbe()
        {
            _sink = _system.ActorOf(Props.Create(() => new CountingActor(_counter)), "sink");
            TellBenchmark.Prime(_sink, _counter);
        }

        public double Burst(int count)
        {
            _counter.Reset(count);
            var before = GC.GetAllocatedBytesForCurrentThread();
            TellMany(count);
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Measure.AwaitDone(_counter.Done, "allocation burst", () => $"{_counter.Count} of {count}");
            return (double)bytes / count;
        }

        public double Paced(int count)
        {
            long bytes = 0;
            for (var sent = 0; sent < count; sent += PacedBurst)
            {
                _counter.Reset(PacedBurst);
                var before = GC.GetAllocatedBytesForCurrentThread();
                TellMany(PacedBurst);
                bytes += GC.GetAllocatedBytesForCurrentThread() - before;
                Measure.AwaitDone(_counter.Done, "allocation paced burst", () => $"{_counter.Count} of {PacedBurst}");
            }
            return (double)bytes / count;
        }

        public double WholeProcess(int count, int[] gcs)
        {
            var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            _counter.Reset(count);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            TellMany(count);
            Measure.AwaitDone(_counter.Done, "allocation whole-process run", () => $"{_counter.Count} of {count}");
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            for (var g = 0; g < 3; g++)
                gcs[g] += GC.CollectionCount(g) - collections[g];
            return (double)bytes / count;
        }

        private void TellMany(int count)
        {
            var mask = _pool.Length - 1;
            for (var i = 0; i < count; i++)
                _sink.Tell(_pool[i & mask]);
        }

        public void Dispose()
        {
            _system.Dispose();
            _counter.Dispose();
        }
    }
}
