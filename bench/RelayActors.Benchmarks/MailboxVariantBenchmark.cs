namespace RelayActors.Benchmarks;

/// <summary>
/// Investigation of the Tell 1→1 gap. End to end, producer and consumer race, and the result flips between two
/// regimes (the consumer keeps up and the producer pays a thread-pool wake-up per short turn, or it falls behind
/// and every turn is full), which hides the effect of small changes. So every row is also split: the producer
/// alone (consumer held at a gate) and the consumer alone (draining the full queue), each in ns/message.
/// </summary>
internal static class MailboxVariantBenchmark
{
    public static void Run(BenchOptions options, TextWriter output)
    {
        // Half of N and 5 repetitions: this table has 14 rows and must fit in the 3-minute budget of a full run.
        var count = options.Messages / 2;
        const int reps = 5;
        var table = new MarkdownTable($"7. Tell 1→1 taken apart ({count:N0} messages, throughput 100, {reps} repetitions; median (min–max))",
            "Variant", "End to end (M msg/s)", "Msgs per turn", "Producer-scheduled turns per 1k msgs", "Producer alone (ns/msg)", "Consumer alone (ns/msg)");
        var log = new TellRunLog();
        foreach (var subject in TellSubjects.All())
        {
            log.Clear();
            var endToEnd = new double[reps];
            for (var rep = -1; rep < reps; rep++) // rep -1 warms up
            {
                Measure.CleanHeap();
                var rate = subject.EndToEnd(count, log);
                if (rep >= 0)
                    endToEnd[rep] = rate;
                Measure.CleanHeap();
                subject.Split(count, log);
            }
            table.Add(subject.Name, MarkdownTable.Millions(Summary.Of(endToEnd)),
                TellRunLog.Last(log.MessagesPerTurn, reps, s => MarkdownTable.Plain(s, "F1")),
                TellRunLog.Last(log.ProducerSchedulesPerThousand, reps, s => MarkdownTable.Plain(s, "F1")),
                TellRunLog.Last(log.ProducerAloneNs, reps, s => MarkdownTable.Plain(s, "F1")),
                TellRunLog.Last(log.ConsumerAloneNs, reps, s => MarkdownTable.Plain(s, "F1")));
        }
        table.Print(output);
    }
}
