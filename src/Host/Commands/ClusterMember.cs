using System.Globalization;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Distributed;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;
using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;

namespace RelayActors.Host.Commands;

/// <summary>
/// This process as a cluster member: an actor system on the real clock, its TCP transport (with the cluster secret)
/// and its cluster membership, advertising the node's capacity and host label. Shared by <c>relay node</c> and
/// <c>relay train --cluster</c> (which joins as a member of capacity 0).
/// </summary>
internal sealed class ClusterMember : IAsyncDisposable
{
    /// <summary>Member attribute: worker slots.</summary>
    public const string CapacityAttribute = "capacity";

    /// <summary>Member attribute: the machine the member counts as for placement.</summary>
    public const string HostAttribute = "host";

    /// <summary>The actor system's name on every node (addresses differ by host and port).</summary>
    public const string SystemName = "relay";

    private ClusterMember(ActorSystem system, RemoteTransport transport, Cluster cluster, ClusterSettings clusterSettings, PayloadPool<float> payloads)
    {
        System = system;
        Transport = transport;
        Cluster = cluster;
        ClusterSettings = clusterSettings;
        Payloads = payloads;
    }

    public ActorSystem System { get; }

    public RemoteTransport Transport { get; }

    public Cluster Cluster { get; }

    /// <summary>The settings this member's cluster runs with (the config's, with the launch's seed nodes).</summary>
    public ClusterSettings ClusterSettings { get; }

    /// <summary>Payload arrays shared by this member's workers and its transport (hand-off instead of a large allocation per message).</summary>
    public PayloadPool<float> Payloads { get; }

    /// <summary>The serializers every member registers: cluster membership, worker messages, distributed training.</summary>
    public static SerializerRegistry Serializers(PayloadPool<float>? payloads = null)
    {
        var registry = new SerializerRegistry();
        ClusterSerializers.Register(registry);
        WorkerSerializers.Register(registry, payloads);
        DistributedSerializers.Register(registry);
        return registry;
    }

    /// <summary>Starts the system, binds the transport and joins the cluster through the seed nodes.</summary>
    /// <exception cref="ConfigurationException">A remote or cluster setting is invalid.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The port cannot be bound.</exception>
    public static async Task<ClusterMember> StartAsync(NodeLaunchSettings node, Config config, ILoggerFactory logging)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(config);
        var remoteSection = config.HasPath(RemoteSettings.SectionPath) ? config.GetConfig(RemoteSettings.SectionPath) : Config.Empty;
        var remote = RemoteSettings.FromConfig(remoteSection) with { Hostname = node.Hostname, Port = node.Port, Secret = node.Secret?.ToArray() };
        remote.Validate();
        var clusterSettings = ClusterSettings.FromConfig(config) with { SeedNodes = node.SeedNodes };
        var system = ActorSystem.Create(SystemName, ActorSystemSettings.Default, logging);
        try
        {
            var payloads = new PayloadPool<float>();
            var transport = await RemoteTransport.StartAsync(system, remote, Serializers(payloads)).ConfigureAwait(false);
            var attributes = new Dictionary<string, string>
            {
                [CapacityAttribute] = node.Capacity.ToString(CultureInfo.InvariantCulture),
                [HostAttribute] = node.HostLabel,
            };
            var cluster = Cluster.Start(system, transport, clusterSettings, attributes);
            return new ClusterMember(system, transport, cluster, clusterSettings, payloads);
        }
        catch
        {
            await system.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A member's worker slots (0 when it advertises none).</summary>
    public static int CapacityOf(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Attributes.TryGetValue(CapacityAttribute, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var capacity) ? capacity : 0;
    }

    /// <summary>A member's host label (its address's host when it advertises none).</summary>
    public static string HostOf(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Attributes.TryGetValue(HostAttribute, out var host) && host.Length > 0 ? host : member.Address.Host ?? member.Address.ToString();
    }

    /// <summary>Leaves the cluster gracefully (waiting up to <paramref name="wait"/> to be removed), then stops everything.</summary>
    public async Task LeaveAsync(TimeSpan wait)
    {
        if (!Cluster.WhenRemoved.IsCompleted)
        {
            Cluster.Leave();
            await Task.WhenAny(Cluster.WhenRemoved, Task.Delay(wait)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync().ConfigureAwait(false);
        await System.DisposeAsync().ConfigureAwait(false);
    }
}
