using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;

namespace RelayActors.Runtime.Cluster;

/// <summary>Everything a cluster daemon is started with: who it is, how it reaches peers, and where it reports.</summary>
internal sealed record ClusterNode(
    ClusterSettings Settings,
    IRemoting Remoting,
    long Incarnation,
    IReadOnlyDictionary<string, string> Attributes,
    ClusterShared Shared)
{
    public Address Self => Remoting.Address;

    /// <summary>The seed nodes as addresses in this node's system, in configured order.</summary>
    public IReadOnlyList<Address> Seeds { get; } = Settings.SeedNodes
        .Select(s => ClusterSettings.TryParseHostPort(s, out var host, out var port)
            ? new Address(Remoting.Address.System, host, port)
            : throw new ArgumentException($"{ClusterSettings.ConfigPath}.seed-nodes: '{s}' is not host:port", nameof(Settings)))
        .ToList();

    /// <summary>The daemon of the node at <paramref name="address"/>, via remoting.</summary>
    public IActorRef DaemonAt(Address address) => Remoting.Resolve(Cluster.DaemonPath(address));
}
