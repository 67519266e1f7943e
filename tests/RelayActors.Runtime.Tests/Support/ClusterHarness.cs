global using ClusterCluster = RelayActors.Runtime.Cluster.Cluster;
using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Support;

/// <summary>Several cluster nodes in one virtual-time actor system, wired by a <see cref="FakeClusterNetwork"/>.</summary>
internal sealed class ClusterHarness : IDisposable
{
    private readonly Dictionary<string, int> _starts = [];
    private readonly Dictionary<string, ClusterCluster> _nodes = [];

    public ClusterHarness(ClusterSettings? settings = null, int seed = 1)
    {
        System = ActorSystem.Create("sys", ActorSystemSettings.VirtualTime);
        Clock = System.VirtualClock!;
        Network = new FakeClusterNetwork(Clock, seed);
        Settings = settings ?? ClusterSettings.Default;
    }

    public ActorSystem System { get; }

    public VirtualTimeScheduler Clock { get; }

    public FakeClusterNetwork Network { get; }

    public ClusterSettings Settings { get; }

    public static Address AddressOf(string node) => new("sys", "node-" + node, 1);

    public static string Seed(string node) => $"node-{node}:1";

    /// <summary>Default settings with <paramref name="nodes"/> as seed nodes, in order.</summary>
    public static ClusterSettings Seeds(params string[] nodes) => ClusterSettings.Default with { SeedNodes = nodes.Select(Seed).ToList() };

    /// <summary>Starts <paramref name="nodes"/> (all seeds, the first forms) and runs until every one sees every one Up.</summary>
    public static ClusterHarness Formed(params string[] nodes)
    {
        var h = new ClusterHarness(Seeds(nodes));
        foreach (var n in nodes)
            h.Start(n);
        h.AdvanceUntil(() => h.AllUp(nodes), TimeSpan.FromSeconds(10), $"cluster of {string.Join(", ", nodes)} formed");
        return h;
    }

    public ClusterCluster this[string node] => _nodes[node];

    /// <summary>Starts (or restarts, with a new incarnation) the node named <paramref name="node"/>.</summary>
    public ClusterCluster Start(string node, ClusterSettings? settings = null)
    {
        var start = _starts[node] = _starts.GetValueOrDefault(node) + 1;
        var address = AddressOf(node);
        var cluster = ClusterCluster.Start(System, Network.RemotingFor(address), settings ?? Settings,
            new Dictionary<string, string> { ["host"] = node }, $"cluster-{node}-{start}", incarnation: (node[0] * 100) + start);
        Network.Register(address, cluster.Daemon.Untyped);
        Network.Reconnect(address);
        _nodes[node] = cluster;
        return cluster;
    }

    /// <summary>The node goes silent and its daemon stops, as when its process is killed.</summary>
    public void Kill(string node)
    {
        Network.Isolate(AddressOf(node));
        System.Stop(_nodes[node].Daemon);
        Clock.RunReady();
    }

    public TestProbe Subscribe(string node)
    {
        var probe = new TestProbe(System, "events-" + node + "-" + System.Scheduler.Now.Ticks);
        _nodes[node].Subscribe(probe.Ref.Untyped);
        return probe;
    }

    public void Advance(TimeSpan duration) => Clock.Advance(duration);

    /// <summary>Advances in 100 ms steps until <paramref name="done"/> holds; returns the virtual time it took, or throws naming <paramref name="what"/>.</summary>
    public TimeSpan AdvanceUntil(Func<bool> done, TimeSpan max, string what)
    {
        var start = Clock.Now;
        while (!done())
        {
            if (Clock.Now - start >= max)
                throw new Xunit.Sdk.XunitException($"{what}: not reached within {max} of virtual time");
            Clock.Advance(TimeSpan.FromMilliseconds(100));
        }
        return Clock.Now - start;
    }

    public bool AllUp(params string[] nodes) =>
        nodes.All(n => nodes.All(m => _nodes[n].State.MemberAt(AddressOf(m)) is { Status: MemberStatus.Up }));

    public void Dispose() => System.Dispose();
}
