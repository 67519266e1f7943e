using System.Diagnostics;
using System.Threading.Channels;

namespace RelayActors.Benchmarks;

/// <summary>
/// The limit every runtime figure is compared against: a raw unbounded <see cref="Channel{T}"/> (SingleReader),
/// one producer thread, one async consumer loop on the thread pool, class messages preallocated and reused.
/// </summary>
internal static class ChannelBaseline
{
    public static Summary Run(BenchOptions options, int warmups = 1) =>
        Measure.Repeat(warmups, options.Repetitions, () => Once(options.Messages));

    /// <summary>One run: the producer (this thread) writes <paramref name="count"/> messages; returns messages/s.</summary>
    public static double Once(int count)
    {
        var channel = Channel.CreateUnbounded<Ping>(new UnboundedChannelOptions { SingleReader = true });
        var pool = Ping.Pool();
        var mask = pool.Length - 1;
        var watch = Stopwatch.StartNew();
        var consumer = Task.Run(() => Consume(channel.Reader));
        var writer = channel.Writer;
        for (var i = 0; i < count; i++)
            writer.TryWrite(pool[i & mask]);
        writer.Complete();
        var received = consumer.GetAwaiter().GetResult();
        var elapsed = watch.Elapsed;
        if (received != count)
            throw new InvalidOperationException($"Channel baseline received {received} of {count} messages");
        return Measure.Rate(count, elapsed);
    }

    private static async Task<long> Consume(ChannelReader<Ping> reader)
    {
        long count = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out _))
                count++;
        }
        return count;
    }

    public static void Report(Summary start, Summary? end, TextWriter output)
    {
        var title = end is null
            ? "1. Baseline: raw Channel<T>, 1 producer → 1 consumer (M msg/s, median (min–max))"
            : "1b. Baseline drift check: the same measurement at the start and at the end of the run";
        var table = new MarkdownTable(title, "When", "Throughput");
        table.Add("start of run", MarkdownTable.Millions(start));
        if (end is not null)
            table.Add("end of run (drift check)", MarkdownTable.Millions(end));
        table.Print(output);
    }
}
