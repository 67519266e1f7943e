using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// This node's membership in a cluster (Akka's <c>Cluster.Get(system)</c>): starts the daemon at
/// <c>/system/cluster</c>, exposes a thread-safe view of the state, subscriptions, and graceful leave / downing.
/// </summary>
public sealed class Cluster
{
    /// <summary>Name of the daemon under <c>/system</c> on every node.</summary>
    public const string DaemonName = "cluster";

    private readonly ClusterShared _shared;
    private readonly IActorRef<IClusterMessage> _daemon;

    /// <summary>The daemon (tests stop it to simulate a killed node).</summary>
    internal IActorRef<IClusterMessage> Daemon => _daemon;

    private Cluster(Address selfAddress, ClusterShared shared, IActorRef<IClusterMessage> daemon)
    {
        SelfAddress = selfAddress;
        _shared = shared;
        _daemon = daemon;
    }

    /// <summary>
    /// Starts this node's cluster daemon: it joins through <see cref="ClusterSettings.SeedNodes"/> (or forms a cluster
    /// when it is the first seed and no other seed answers). <paramref name="attributes"/> travel with the member.
    /// </summary>
    public static Cluster Start(ActorSystem system, IRemoting remoting, ClusterSettings settings, IReadOnlyDictionary<string, string> attributes) =>
        Start(system, remoting, settings, attributes, DaemonName, NewIncarnation());

    /// <summary>Test seam: several nodes in one actor system, each daemon under its own name, with a chosen incarnation.</summary>
    internal static Cluster Start(ActorSystem system, IRemoting remoting, ClusterSettings settings, IReadOnlyDictionary<string, string> attributes, string daemonName, long incarnation)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(remoting);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(attributes);
        settings.Validate();
        var shared = new ClusterShared();
        var node = new ClusterNode(settings, remoting, incarnation, new Dictionary<string, string>(attributes), shared);
        var daemon = system.SystemActorOf(Props.Create(() => new ClusterDaemon(node)), daemonName);
        return new Cluster(remoting.Address, shared, daemon);
    }

    /// <summary>The path of the cluster daemon of the node at <paramref name="address"/>.</summary>
    public static ActorPath DaemonPath(Address address) => ActorPath.Root(address).Child("system").Child(DaemonName);

    /// <summary>This node's address (the remoting address).</summary>
    public Address SelfAddress { get; }

    /// <summary>The latest view: members, the ones this node suspects, the leader. Safe from any thread.</summary>
    public ClusterState State => _shared.State;

    /// <summary>Completes when this node is Up.</summary>
    public Task WhenUp => _shared.Up.Task;

    /// <summary>Completes when this node has been removed or downed; the process should then stop.</summary>
    public Task WhenRemoved => _shared.Removed.Task;

    /// <summary>Sends <paramref name="subscriber"/> a <see cref="CurrentClusterState"/>, then every <see cref="IMemberEvent"/> in order.</summary>
    public void Subscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _daemon.Tell(new ClusterCommands.Subscribe(subscriber));
    }

    public void Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _daemon.Tell(new ClusterCommands.Unsubscribe(subscriber));
    }

    /// <summary>Leaves gracefully: Leaving → Exiting → Removed, then <see cref="WhenRemoved"/> completes.</summary>
    public void Leave() => _daemon.Tell(new Leave(SelfAddress));

    /// <summary>Marks the member at <paramref name="address"/> Down (e.g. a node known to be dead); the leader removes it.</summary>
    public void Down(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _daemon.Tell(new Down(address));
    }

    private static long NewIncarnation() => BitConverter.ToInt64(Guid.NewGuid().ToByteArray(), 0) & long.MaxValue;
}
