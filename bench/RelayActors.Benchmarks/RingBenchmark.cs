using System.Diagnostics;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario 3, n→n: n actors in a ring, each seeded with a batch of tokens; every actor forwards each token to
/// the next (actor-to-actor Tell, tokens preallocated) until ≈ N hops in total have been made.
/// </summary>
internal static class RingBenchmark
{
    private static readonly int[] Sizes = [2, 8, 64];

    public static void Run(BenchOptions options, Summary baseline, TextWriter output)
    {
        var batch = new RingRun(1, 1).BatchPerActor;
        var table = new MarkdownTable($"3. Runtime n→n ring on {Environment.ProcessorCount} cores, {batch} tokens seeded per actor, throughput 100 (M msg/s, median (min–max))",
            "Actors n", "Tokens in flight", "Ring Tell", "Raw channel (paired)", "Ratio, median of pairs (min–max)", "vs. run baseline", "Failed runs (retried)");
        foreach (var size in Sizes)
        {
            var failed = 0;
            var paired = Paired.Measure(1, options.Repetitions, () => ChannelBaseline.Once(options.Messages), () =>
            {
                // A failed run is a runtime bug (docs/PERFORMANCE.md, "Mailbox race"): counted, reported, retried.
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return Once(new RingRun(size, options.Messages) { TimeoutSeconds = 20 });
                    }
                    catch (Exception ex) when (ex is TimeoutException or InvalidOperationException && attempt < 2)
                    {
                        failed++;
                        table.Note($"Ring of {size}, failed run: {ex.Message.Replace('|', '/')}");
                    }
                }
            });
            table.Add($"{size}", $"{size * batch}", MarkdownTable.Millions(paired.Subject), MarkdownTable.Millions(paired.Baseline),
                paired.RatioText, MarkdownTable.Percent(paired.Subject, baseline), $"{failed}");
        }
        table.Print(output);
    }

    /// <summary>One run on a fresh system: returns hops (= Tells) per second.</summary>
    public static double Once(RingRun run)
    {
        var size = run.Size;
        using var failures = new FailureLog();
        using var system = ActorSystem.Create("ring-bench", ActorSystemSettings.Default with { Throughput = run.Throughput }, failures);
        using var state = new RingState(size);
        for (var i = 0; i < size; i++)
        {
            var index = i;
            state.Members[i] = system.ActorOf(Props.Create(() => new RingActor(state, index)), $"ring-{i}");
        }
        var tokenCount = size * run.BatchPerActor;
        var hops = Math.Max(1, run.TotalMessages / tokenCount);
        var tokens = new RingToken[tokenCount];
        for (var i = 0; i < tokenCount; i++)
            tokens[i] = new RingToken();

        // Prime: one single-hop token per actor, so every actor has started before the clock runs.
        state.Reset(size);
        for (var i = 0; i < size; i++)
            state.Members[i].Tell(new RingToken { HopsLeft = 1 });
        Measure.AwaitDone(state.Done, "ring start", () => $"{state.LiveTokens} tokens live");
        var copies = run.Mailbox is null ? [] : RouteThroughCopies(state, run.Mailbox, run.Throughput);

        foreach (var token in tokens)
            token.HopsLeft = hops;
        state.Reset(tokenCount);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < tokenCount; i++)
            state.Members[i % size].Tell(tokens[i]);
        Measure.AwaitDone(state.Done, $"ring of {size}", () =>
            $"{state.LiveTokens} of {tokenCount} tokens still circulating; {system.DeadLetterCount} dead letters; {failures.Describe()}",
            run.TimeoutSeconds);
        var rate = Measure.Rate((long)hops * tokenCount, watch.Elapsed);
        foreach (var copy in copies)
            copy.Close();
        if (failures.Count > 0)
            throw new InvalidOperationException($"ring of {size} completed, but the runtime logged failures: {failures.Describe()}");
        return rate;
    }

    /// <summary>Puts a mailbox copy in front of every (started) ring actor and makes the ring use it.</summary>
    private static VariantMailbox[] RouteThroughCopies(RingState state, MailboxVariant variant, int throughput)
    {
        var copies = new VariantMailbox[state.Members.Length];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = new VariantMailbox(variant, state.Members[i].Untyped, _ => throw new NotSupportedException("ring copies use the runtime's Invoke"), throughput);
            state.Members[i] = copies[i].Ref;
        }
        return copies;
    }
}
