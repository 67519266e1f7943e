using System.Diagnostics;
using System.Globalization;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario "remote": two actor systems with a <see cref="RemoteTransport"/> each on loopback. (a) PeerMessage&lt;float&gt;
/// throughput at 4 and 40 MiB against raw length-prefixed TCP frames of the same size (target ≥ 0.8 of raw);
/// (b) small control messages per second on one connection (target ≥ 300 k/s); (c) one-way control-lane latency
/// while the data lane is saturated with 4 MiB messages (target p99 &lt; 50 ms).
/// </summary>
internal static class RemoteBenchmark
{
    private const long BulkBytesPerRepetition = 1L << 30;

    public static void Run(BenchOptions options, TextWriter output)
    {
        var repetitions = options.Quick ? 3 : 5;
        var a = ActorSystem.Create("bench-a");
        var b = ActorSystem.Create("bench-b");
        var c = ActorSystem.Create("bench-c");
        var ta = Start(a, null);
        var tb = Start(b, null);
        var pool = new PayloadPool<float>();
        var tc = Start(c, pool);
        try
        {
            var sink = new RemoteSink();
            var target = ta.Resolve(b.ActorOf(Props.Create(() => new RemoteSink.Actor(sink)), "sink").Path.WithAddress(tb.Address));
            var pooledTarget = ta.Resolve(c.ActorOf(Props.Create(() => new RemoteSink.Actor(sink, pool)), "sink").Path.WithAddress(tc.Address));

            var throughput = new MarkdownTable(
                $"Remote (a). Bulk throughput on loopback, GB/s (10⁹ B/s), median (min–max) of {repetitions}, {BulkBytesPerRepetition >> 20} MiB per repetition",
                "Frame", "Raw TCP", "Transport, fresh payload arrays", "Ratio (per pair)", "Transport, pooled payloads", "Ratio (per pair)", "Target ≥ 0.8");
            foreach (var mib in new[] { 4, 40 })
            {
                var bytes = mib * 1024 * 1024;
                var frames = (int)(BulkBytesPerRepetition / bytes);
                var message = new PeerMessage<float>(0, 0, 0, 0, 1, new float[bytes / sizeof(float)]);
                double Raw() => RawTcpThroughput.Run(bytes, frames) / 1e9;
                // Paired with the raw baseline repetition by repetition, so a busy spell on the shared machine hits both.
                var fresh = Paired.Measure(1, repetitions, Raw, () => Flood(target, sink, message, frames, bytes) / 1e9);
                var pooled = Paired.Measure(1, repetitions, Raw, () => Flood(pooledTarget, sink, message, frames, bytes) / 1e9);
                var freshRatio = fresh.Ratio.Median;
                var pooledRatio = pooled.Ratio.Median;
                throughput.Add($"{mib} MiB", MarkdownTable.Plain(fresh.Baseline), MarkdownTable.Plain(fresh.Subject), MarkdownTable.Plain(fresh.Ratio),
                    MarkdownTable.Plain(pooled.Subject), MarkdownTable.Plain(pooled.Ratio),
                    $"fresh {(freshRatio >= 0.8 ? "met" : "missed")}, pooled {(pooledRatio >= 0.8 ? "met" : "missed")}");
            }
            throughput.Note("Raw TCP reuses one destination buffer; 'fresh' allocates the received payload per message (the message owns it); 'pooled' receives into arrays rented from a PayloadPool that the sink hands back after reading, as a worker does after folding a payload in (the cluster nodes' default).");
            throughput.Print(output);

            var small = options.Quick ? 300_000 : 1_000_000;
            var rates = Measure.Repeat(1, repetitions, () => SmallMessages(target, sink, small));
            var smallTable = new MarkdownTable(
                $"Remote (b). Small control messages (MessageLost, 20-byte header) on one connection, msg/s, median (min–max) of {repetitions}, {small:N0} per repetition",
                "Messages/s (millions)", "Target ≥ 0.3 M/s");
            smallTable.Add(MarkdownTable.Millions(rates), rates.Median >= 300_000 ? "met" : "missed");
            smallTable.Print(output);

            var (p50, p99, max, count, dataMessages) = LatencyUnderLoad(target, sink, options.Quick ? 200 : 1000);
            var latency = new MarkdownTable(
                "Remote (c). One-way control-lane latency while the data lane streams 4 MiB PeerMessages",
                "Samples", "Data messages meanwhile", "p50 ms", "p99 ms", "max ms", "Target p99 < 50 ms");
            latency.Add(Text(count), Text(dataMessages), MarkdownTable.Number(p50), MarkdownTable.Number(p99), MarkdownTable.Number(max), p99 < 50 ? "met" : "missed");
            latency.Print(output);
        }
        finally
        {
            foreach (var transport in new[] { ta, tb, tc })
                transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            a.Dispose();
            b.Dispose();
            c.Dispose();
        }
    }

    private static RemoteTransport Start(ActorSystem system, PayloadPool<float>? payloads) =>
        RemoteTransport.StartAsync(system, RemoteSettings.Default, WorkerSerializers.Register(new SerializerRegistry(), payloads)).GetAwaiter().GetResult();

    private static double Flood(IActorRef target, RemoteSink sink, PeerMessage<float> message, int frames, int bytes)
    {
        sink.Reset(frames);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
            target.Tell(message);
        Measure.AwaitDone(sink.Done, "remote bulk", () => $"{sink.Arrived} of {frames} arrived");
        return (double)bytes * frames / clock.Elapsed.TotalSeconds;
    }

    private static double SmallMessages(IActorRef target, RemoteSink sink, int count)
    {
        sink.Reset(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            target.Tell(new MessageLost(1, i, 0, 0));
        Measure.AwaitDone(sink.Done, "remote small messages", () => $"{sink.Arrived} of {count} arrived");
        return Measure.Rate(count, clock.Elapsed);
    }

    private static (double P50, double P99, double Max, int Count, long DataMessages) LatencyUnderLoad(IActorRef target, RemoteSink sink, int samples)
    {
        sink.Reset(long.MaxValue);
        var message = new PeerMessage<float>(0, 0, 0, 0, 1, new float[1024 * 1024]);
        using var stop = new CancellationTokenSource();
        var flood = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
                target.Tell(message); // back-pressured at send-buffer-limit, so the data lane stays full
        });
        flood.Start();
        Thread.Sleep(200);
        for (var i = 0; i < samples; i++)
        {
            target.Tell(new MessageLost(0, Stopwatch.GetTimestamp(), -1, 0));
            Thread.Sleep(2);
        }
        Thread.Sleep(500);
        stop.Cancel();
        flood.Join();
        double[] latencies;
        lock (sink.LatenciesMs)
            latencies = [.. sink.LatenciesMs];
        if (latencies.Length == 0)
            throw new InvalidOperationException("no control message arrived while the data lane was saturated");
        return (Summary.Percentile(latencies, 50), Summary.Percentile(latencies, 99), latencies.Max(), latencies.Length, sink.Arrived);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
