using System.Diagnostics;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario 2, runtime local Tell 1→1: this thread tells N preallocated messages to one counting actor; the
/// clock stops when the actor has counted N. Repeated for several <c>throughput</c> settings.
/// </summary>
internal static class TellBenchmark
{
    private static readonly int[] Throughputs = [30, 100, 1000];

    public static void Run(BenchOptions options, Summary baseline, TextWriter output)
    {
        var table = new MarkdownTable("2. Runtime local Tell 1→1 (M msg/s, median (min–max); each repetition paired with a raw-channel run; target ≥ 50 %)",
            "Throughput setting", "Tell 1→1", "Raw channel (paired)", "Ratio, median of pairs (min–max)", "vs. run baseline", "Target met");
        foreach (var throughput in Throughputs)
        {
            var settings = ActorSystemSettings.Default with { Throughput = throughput };
            var paired = Paired.Measure(1, options.Repetitions, () => ChannelBaseline.Once(options.Messages), () => Once(settings, options.Messages));
            var met = paired.Ratio.Median >= 0.5;
            var label = throughput == ActorSystemSettings.Default.Throughput ? $"{throughput} (default)" : $"{throughput}";
            table.Add(label, MarkdownTable.Millions(paired.Subject), MarkdownTable.Millions(paired.Baseline), paired.RatioText,
                MarkdownTable.Percent(paired.Subject, baseline), met ? "yes" : "**no**");
        }
        table.Print(output);
    }

    /// <summary>One run on a fresh system: returns messages/s.</summary>
    public static double Once(ActorSystemSettings settings, int count)
    {
        using var system = ActorSystem.Create("tell-bench", settings);
        using var counter = new ArrivalCounter();
        var sink = system.ActorOf(Props.Create(() => new CountingActor(counter)), "sink");
        Prime(sink, counter);
        var pool = Ping.Pool();
        var mask = pool.Length - 1;
        counter.Reset(count);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            sink.Tell(pool[i & mask]);
        Measure.AwaitDone(counter.Done, "Tell 1→1", () => $"{counter.Count} of {count} counted");
        return Measure.Rate(count, watch.Elapsed);
    }

    /// <summary>Lets the actor start (its Create system message) before the clock starts.</summary>
    public static void Prime(Runtime.Kernel.IActorRef<Ping> sink, ArrivalCounter counter)
    {
        counter.Reset(1);
        sink.Tell(new Ping(-1));
        Measure.AwaitDone(counter.Done, "actor start", () => "no message arrived");
    }
}
