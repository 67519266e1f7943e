using System.Text.Json;
using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Runtime.Tests.Support;

/// <summary>
/// An in-process network for cluster nodes living in one virtual-time actor system: each node's fake remoting
/// resolves another address's daemon path to that node's daemon. Every message is round-tripped through the
/// cluster's JSON context (as the transport would), may be delayed by seeded jitter, and is dropped between
/// blocked pairs (partitions, killed nodes).
/// </summary>
internal sealed class FakeClusterNetwork(VirtualTimeScheduler clock, int seed = 1)
{
    private readonly Dictionary<Address, IActorRef> _daemons = [];
    private readonly HashSet<(Address From, Address To)> _blocked = [];
    private readonly HashSet<Address> _isolated = [];
    private readonly Random _random = new(seed);

    /// <summary>Each message is delayed by a uniform draw in [0, MaxJitter].</summary>
    public TimeSpan MaxJitter { get; set; } = TimeSpan.Zero;

    public long Dropped { get; private set; }

    public IRemoting RemotingFor(Address address) => new FakeRemoting(this, address);

    public void Register(Address address, IActorRef daemon) => _daemons[address] = daemon;

    /// <summary>Drops everything between the two sides, both ways.</summary>
    public void Partition(IEnumerable<Address> sideA, IEnumerable<Address> sideB)
    {
        var b = sideB.ToList();
        foreach (var x in sideA)
            foreach (var y in b)
            {
                _blocked.Add((x, y));
                _blocked.Add((y, x));
            }
    }

    /// <summary>Drops everything to and from <paramref name="address"/> (a killed node goes silent).</summary>
    public void Isolate(Address address) => _isolated.Add(address);

    public void Reconnect(Address address) => _isolated.Remove(address);

    public void Heal()
    {
        _blocked.Clear();
        _isolated.Clear();
    }

    private void Deliver(Address from, Address to, object message, IActorRef? sender)
    {
        if (_isolated.Contains(from) || _isolated.Contains(to) || _blocked.Contains((from, to)) || !_daemons.TryGetValue(to, out var daemon))
        {
            Dropped++;
            return;
        }
        var wire = RoundTrip(message);
        var delay = MaxJitter == TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(_random.NextDouble() * MaxJitter.Ticks));
        if (delay == TimeSpan.Zero)
            daemon.Tell(wire, sender);
        else
            clock.ScheduleTellOnce(delay, daemon, wire, sender);
    }

    private static object RoundTrip(object message)
    {
        var entry = ClusterMessages.Manifests.SingleOrDefault(m => m.Type == message.GetType())
            ?? throw new InvalidOperationException($"{message.GetType().Name} is sent between nodes but has no manifest in ClusterMessages.Manifests");
        var json = JsonSerializer.Serialize(message, entry.TypeInfo);
        return JsonSerializer.Deserialize(json, entry.TypeInfo)!;
    }

    private sealed class FakeRemoting(FakeClusterNetwork network, Address address) : IRemoting
    {
        public Address Address => address;

        public IActorRef Resolve(ActorPath path) => new FakeRemoteRef(network, address, path);
    }

    private sealed class FakeRemoteRef(FakeClusterNetwork network, Address from, ActorPath path) : IActorRef
    {
        public ActorPath Path => path;

        public void Tell(object message, IActorRef? sender = null) => network.Deliver(from, path.Address, message, sender);

        public bool Equals(IActorRef? other) => other is FakeRemoteRef r && r.Path.Equals(path);

        public override bool Equals(object? obj) => Equals(obj as IActorRef);

        public override int GetHashCode() => path.GetHashCode();
    }
}
