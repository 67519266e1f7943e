using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario 6, real-time scheduler precision: ~200 one-shot tells with delays of 1–50 ms to an actor that
/// records <c>Scheduler.Now</c> on arrival. The due time is read before scheduling, so it is never later than
/// the scheduler's own due time: an "early" arrival here would be a real bug. Lateness includes the mailbox hop.
/// </summary>
internal static class RealTimeSchedulerBenchmark
{
    private const int Tells = 200;
    private const int Seed = 7;

    public static void Run(BenchOptions options, TextWriter output)
    {
        var table = new MarkdownTable($"6. Real-time scheduler precision, {Tells} one-shot tells with delays 1–50 ms ({options.Repetitions} repetitions; lateness in ms, median over repetitions (min–max))",
            "Load", "Early (total)", "Lateness p50", "Lateness p99", "Lateness max");
        using var system = ActorSystem.Create("realtime-bench", ActorSystemSettings.Default);
        var arrivals = new TimeSpan[Tells];
        using var counter = new ArrivalCounter();
        var probe = system.ActorOf(Props.Create(() => new LatencyActor(arrivals, counter)), "latency");
        var random = new Random(Seed);
        Once(system, probe, arrivals, counter, random); // warm-up
        foreach (var busy in new[] { 0, 1, 2 })
        {
            using var load = new BusyThreads(busy);
            var early = 0;
            var p50 = new List<double>();
            var p99 = new List<double>();
            var max = new List<double>();
            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                var lateness = Once(system, probe, arrivals, counter, random);
                early += lateness.Count(l => l < 0);
                p50.Add(Summary.Percentile(lateness, 50));
                p99.Add(Summary.Percentile(lateness, 99));
                max.Add(lateness.Max());
            }
            var label = busy switch
            {
                0 => "idle",
                1 => "1 busy background thread",
                _ => $"{busy} busy background threads (all {Environment.ProcessorCount} cores)",
            };
            table.Add(label, $"{early}", MarkdownTable.Plain(Summary.Of(p50)), MarkdownTable.Plain(Summary.Of(p99)), MarkdownTable.Plain(Summary.Of(max)));
        }
        table.Print(output);
    }

    /// <summary>Schedules all tells at once and returns each one's lateness in ms (negative = early).</summary>
    private static double[] Once(ActorSystem system, Runtime.Kernel.IActorRef<DueTell> probe, TimeSpan[] arrivals, ArrivalCounter counter, Random random)
    {
        var scheduler = system.Scheduler;
        var messages = new DueTell[Tells];
        counter.Reset(Tells);
        for (var i = 0; i < Tells; i++)
        {
            var delay = TimeSpan.FromMilliseconds(1 + (random.NextDouble() * 49));
            messages[i] = new DueTell(i, scheduler.Now + delay);
            scheduler.ScheduleTellOnce(delay, probe.Untyped, messages[i]);
        }
        Measure.AwaitDone(counter.Done, "real-time scheduler precision", () => $"{counter.Count} of {Tells} arrived");
        var lateness = new double[Tells];
        for (var i = 0; i < Tells; i++)
            lateness[i] = (arrivals[i] - messages[i].Due).TotalMilliseconds;
        return lateness;
    }
}
