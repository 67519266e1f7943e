namespace RelayActors.Host.Configuration;

/// <summary>
/// What <c>relay node</c> was given on its command line; null where a flag was absent (then the environment, HOCON or
/// a default decides, see <see cref="NodeLaunchSettings.Resolve"/>).
/// </summary>
internal sealed record NodeLaunchFlags
{
    public static NodeLaunchFlags None { get; } = new();

    /// <summary><c>--hostname</c>: the name or IP this node binds and advertises.</summary>
    public string? Hostname { get; init; }

    /// <summary><c>--port</c>: the base port; the node listens on base + local rank.</summary>
    public int? Port { get; init; }

    /// <summary><c>--seed-nodes</c>: "host:port" of the nodes to join, first one forms the cluster.</summary>
    public IReadOnlyList<string>? SeedNodes { get; init; }

    /// <summary><c>--capacity</c>: worker slots on this node (0 for a member that runs no workers).</summary>
    public int? Capacity { get; init; }

    /// <summary><c>--host-label</c>: the machine this node counts as for placement (default: the machine name).</summary>
    public string? HostLabel { get; init; }

    /// <summary><c>--secret-file</c>: a file holding the cluster secret.</summary>
    public string? SecretFile { get; init; }

    /// <summary><c>--rank</c>: this node's rank among <see cref="WorldSize"/> launched nodes.</summary>
    public int? Rank { get; init; }

    /// <summary><c>--world-size</c>: how many nodes were launched together.</summary>
    public int? WorldSize { get; init; }

    /// <summary><c>--local-rank</c>: this node's index among the nodes on its machine (its port offset).</summary>
    public int? LocalRank { get; init; }
}
