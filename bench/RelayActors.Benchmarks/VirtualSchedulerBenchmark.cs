using System.Diagnostics;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario 5, the virtual-time scheduler: M one-shot tells with seeded random delays (0–10,000 µs) to a few
/// counting actors on a <see cref="ClockKind.Virtual"/> system, then <see cref="VirtualTimeScheduler.RunUntilIdle"/>.
/// Reports the delivery rate (target ≥ 2 M/s of wall time) and, separately, the cost of scheduling.
/// </summary>
internal static class VirtualSchedulerBenchmark
{
    private const int Receivers = 4;
    private const int Seed = 20261122;
    private const double TargetDeliveriesPerSecond = 2e6;

    public static void Run(BenchOptions options, TextWriter output)
    {
        var items = options.ScheduledItems;
        var schedule = new List<double>();
        var deliver = new List<double>();
        var endToEnd = new List<double>();
        using var system = ActorSystem.Create("virtual-bench", ActorSystemSettings.VirtualTime);
        using var counter = new ArrivalCounter();
        var scheduler = (VirtualTimeScheduler)system.Scheduler;
        var receivers = new IActorRef[Receivers];
        for (var i = 0; i < Receivers; i++)
            receivers[i] = system.ActorOf(Props.Create(() => new CountingActor(counter)), $"receiver-{i}").Untyped;
        scheduler.RunReady(); // starts the actors
        var delays = Delays(items);
        var messages = Ping.Pool(Receivers);

        for (var rep = -1; rep < options.Repetitions; rep++) // rep -1 is the warm-up
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            counter.Reset(items);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < items; i++)
                scheduler.ScheduleTellOnce(delays[i], receivers[i % Receivers], messages[i % Receivers]);
            var scheduled = watch.Elapsed;
            scheduler.RunUntilIdle();
            var total = watch.Elapsed;
            if (counter.Count != items)
                throw new InvalidOperationException($"Virtual scheduler delivered {counter.Count} of {items} messages");
            if (rep < 0)
                continue;
            schedule.Add(Measure.Rate(items, scheduled));
            deliver.Add(Measure.Rate(items, total - scheduled));
            endToEnd.Add(Measure.Rate(items, total));
        }

        var delivered = Summary.Of(deliver);
        var table = new MarkdownTable($"5. Virtual-time scheduler, {items:N0} ScheduleTellOnce items, delays 0–10,000 µs (seed {Seed}), {Receivers} receivers (M items/s of wall time, median (min–max))",
            "Phase", "Rate", "Target");
        table.Add("schedule (ScheduleTellOnce calls)", MarkdownTable.Millions(Summary.Of(schedule)), "");
        table.Add("deliver (RunUntilIdle)", MarkdownTable.Millions(delivered),
            delivered.Median >= TargetDeliveriesPerSecond ? "≥ 2 M/s: yes" : "≥ 2 M/s: **no**");
        table.Add("schedule + deliver", MarkdownTable.Millions(Summary.Of(endToEnd)), "");
        table.Print(output);
    }

    private static TimeSpan[] Delays(int count)
    {
        var random = new Random(Seed);
        var delays = new TimeSpan[count];
        for (var i = 0; i < count; i++)
            delays[i] = TimeSpan.FromMicroseconds(random.Next(0, 10_001));
        return delays;
    }
}
