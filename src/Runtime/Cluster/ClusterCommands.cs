using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>Local-only daemon messages: subscriptions and the daemon's own timers. Never sent between nodes.</summary>
internal static class ClusterCommands
{
    public sealed record Subscribe(IActorRef Subscriber) : IClusterMessage;

    public sealed record Unsubscribe(IActorRef Subscriber) : IClusterMessage;

    public sealed record Tick(TickKind Kind) : IClusterMessage;

    public enum TickKind
    {
        RetryJoin,
        SeedNodeTimeout,
        Gossip,
        Heartbeat,
        LeaderActions,
        Shutdown,
    }

    public static readonly Tick RetryJoin = new(TickKind.RetryJoin);
    public static readonly Tick SeedNodeTimeout = new(TickKind.SeedNodeTimeout);
    public static readonly Tick GossipTick = new(TickKind.Gossip);
    public static readonly Tick HeartbeatTick = new(TickKind.Heartbeat);
    public static readonly Tick LeaderActionsTick = new(TickKind.LeaderActions);
    public static readonly Tick Shutdown = new(TickKind.Shutdown);
}
