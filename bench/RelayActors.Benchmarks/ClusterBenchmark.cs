using System.Diagnostics;
using System.Globalization;
using RelayActors.Actors.Distributed;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario "cluster": three members (actor system + TCP transport + cluster, default settings) on loopback in this
/// process. (a) Formation: wall time from starting the three until each sees three members Up (target &lt; 5 s);
/// (b) a member is killed (its sockets and actors vanish without a goodbye): wall time until both survivors mark it
/// unreachable (target &lt; 10 s), and until they have downed and removed it.
/// </summary>
internal static class ClusterBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static void Run(BenchOptions options, TextWriter output)
    {
        var repetitions = options.Quick ? 2 : 5;
        var formation = new List<double>();
        var detection = new List<double>();
        var removal = new List<double>();
        for (var r = 0; r < repetitions; r++)
        {
            var (formed, detected, removed) = Once();
            formation.Add(formed);
            detection.Add(detected);
            removal.Add(removed);
        }
        var table = new MarkdownTable($"Cluster. Three members on loopback, default settings (heartbeat 1 s, threshold 8, pause 3 s, stable-after 5 s), seconds, median (min–max) of {repetitions}",
            "What", "Seconds", "Target");
        var f = Summary.Of(formation);
        var d = Summary.Of(detection);
        table.Add("Forms: all three Up (from start)", MarkdownTable.Plain(f), f.Max < 5 ? "< 5 s: met" : "< 5 s: missed");
        table.Add("Killed member unreachable on both survivors", MarkdownTable.Plain(d), d.Max < 10 ? "< 10 s: met" : "< 10 s: missed");
        table.Add("Killed member downed and removed on both survivors", MarkdownTable.Plain(Summary.Of(removal)), "(keep-majority after stable-after)");
        table.Print(output);
    }

    private static (double Formed, double Detected, double Removed) Once()
    {
        var members = new List<(ActorSystem System, RemoteTransport Transport, Cluster Cluster)>();
        try
        {
            var clock = Stopwatch.StartNew();
            string? seed = null;
            for (var k = 0; k < 3; k++)
            {
                var system = ActorSystem.Create("bench");
                var registry = new SerializerRegistry();
                ClusterSerializers.Register(registry);
                WorkerSerializers.Register(registry);
                DistributedSerializers.Register(registry);
                var transport = RemoteTransport.StartAsync(system, RemoteSettings.Default, registry).GetAwaiter().GetResult();
                seed ??= string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{transport.Address.Port}");
                members.Add((system, transport, Cluster.Start(system, transport, ClusterSettings.Default with { SeedNodes = [seed] }, new Dictionary<string, string>())));
            }
            Until(() => members.TrueForAll(m => m.Cluster.State.Members.Count(x => x.Status == MemberStatus.Up) == 3), "formation");
            var formed = clock.Elapsed.TotalSeconds;

            var victim = members[2];
            members.RemoveAt(2);
            var address = victim.Transport.Address;
            clock.Restart();
            victim.Transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            victim.System.Dispose();
            Until(() => members.TrueForAll(m => m.Cluster.State.Unreachable.Contains(address) || m.Cluster.State.MemberAt(address) is null or { Status: MemberStatus.Down or MemberStatus.Removed }), "detection");
            var detected = clock.Elapsed.TotalSeconds;
            Until(() => members.TrueForAll(m => m.Cluster.State.MemberAt(address) is null or { Status: MemberStatus.Removed }), "removal");
            return (formed, detected, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            foreach (var (system, transport, _) in members)
            {
                transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
                system.Dispose();
            }
        }
    }

    private static void Until(Func<bool> condition, string phase)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Limit)
                throw new TimeoutException($"cluster benchmark: {phase} did not happen within {Limit.TotalSeconds} s");
            Thread.Sleep(5);
        }
    }
}
