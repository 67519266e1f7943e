namespace RelayActors.Benchmarks;

/// <summary>
/// Not a measurement: many short ring runs on fresh actors (each mailbox queue grows through several segments,
/// a turn per message) beside a busy thread, counting runs that stall or log an actor failure — the signature of
/// the Mailbox.HasWork race (docs/PERFORMANCE.md). Rows for the runtime's mailbox and for mailbox copies, so a
/// fix can be checked under the same load. The race is rare: expect most runs of this scenario to show zeros.
/// </summary>
internal static class RingStress
{
    private static readonly int[] Sizes = [2, 8, 64];

    public static void Run(BenchOptions options, TextWriter output)
    {
        var runs = options.Quick ? 30 : 120;
        var hops = options.Messages / 5;
        var table = new MarkdownTable($"Ring stress: per row {runs} ring runs of {hops:N0} hops (n = 2, 8, 64; 256 tokens per actor, so every mailbox queue grows through several segments; throughput 1) beside 1 busy thread",
            "Mailbox", "Runs", "Stalled", "Completed with an actor failure", "Seconds");
        MailboxVariant?[] mailboxes =
        [
            null,
            MailboxVariant.AsRuntime,
            MailboxVariant.AsRuntime with { Name = "copy with SingleReader = false", MultiReaderChannel = true },
            MailboxVariant.AsRuntime with { Name = "copy with ConcurrentQueue<Envelope>", ConcurrentQueue = true },
        ];
        using var load = new BusyThreads(1); // preempts pool threads mid-turn, which widens the race window
        foreach (var mailbox in mailboxes)
        {
            var stalled = 0;
            var failed = 0;
            string? first = null;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                var run = new RingRun(Sizes[i % Sizes.Length], hops) { TimeoutSeconds = 5, Throughput = 1, BatchPerActor = 256, Mailbox = mailbox };
                try
                {
                    RingBenchmark.Once(run);
                }
                catch (TimeoutException ex)
                {
                    stalled++;
                    first ??= ex.Message;
                }
                catch (InvalidOperationException ex)
                {
                    failed++;
                    first ??= ex.Message;
                }
            }
            table.Add(mailbox?.Name ?? "runtime Mailbox", $"{runs}", $"{stalled}", $"{failed}", MarkdownTable.Number(watch.Elapsed.TotalSeconds, "F0"));
            if (first is not null)
                table.Note($"{mailbox?.Name ?? "runtime Mailbox"}, first: {first.Replace('|', '/')}");
        }
        table.Print(output);
    }
}
