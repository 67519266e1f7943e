using System.CommandLine;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>The flags of a cluster member (<c>relay node</c>, and <c>relay train --cluster</c> for the ones that apply).</summary>
internal static class NodeOptions
{
    public static Option<string?> Hostname { get; } = new("--hostname") { Description = "Name or IP this node binds and advertises (default 127.0.0.1; the machine name under Slurm/MPI).", HelpName = "host" };

    public static Option<int?> Port { get; } = new("--port") { Description = "Base port (default 25520; 0 = any free port); the node listens on base + local rank.", HelpName = "port" };

    public static Option<string?> SeedNodes { get; } = new("--seed-nodes") { Description = "Comma-separated host:port of the nodes to join; the first one forms the cluster.", HelpName = "host:port,..." };

    public static Option<int?> Capacity { get; } = new("--capacity") { Description = "Worker slots on this node, e.g. one per GPU (default 1).", HelpName = "slots" };

    public static Option<string?> HostLabel { get; } = new("--host-label") { Description = "The machine this node counts as for the host-aware tree (default: the machine name).", HelpName = "name" };

    public static Option<string?> SecretFile { get; } = new("--secret-file") { Description = "File holding the cluster secret (or set RELAY_CLUSTER_SECRET); never printed.", HelpName = "file" };

    public static Option<int?> Rank { get; } = new("--rank") { Description = "This node's rank (default: SLURM_PROCID or OMPI_COMM_WORLD_RANK).", HelpName = "rank" };

    public static Option<int?> WorldSize { get; } = new("--world-size") { Description = "How many nodes were launched together (default: SLURM_NTASKS or OMPI_COMM_WORLD_SIZE).", HelpName = "n" };

    public static Option<int?> LocalRank { get; } = new("--local-rank") { Description = "This node's index on its machine, its port offset (default: SLURM_LOCALID or OMPI_COMM_WORLD_LOCAL_RANK).", HelpName = "r" };

    /// <summary>What the command line gave.</summary>
    public static NodeLaunchFlags Read(ParseResult parseResult) => new()
    {
        Hostname = parseResult.GetValue(Hostname),
        Port = parseResult.GetValue(Port),
        SeedNodes = parseResult.GetValue(SeedNodes) is { } seeds ? seeds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
        Capacity = parseResult.GetValue(Capacity),
        HostLabel = parseResult.GetValue(HostLabel),
        SecretFile = parseResult.GetValue(SecretFile),
        Rank = parseResult.GetValue(Rank),
        WorldSize = parseResult.GetValue(WorldSize),
        LocalRank = parseResult.GetValue(LocalRank),
    };

    /// <summary>The process environment as the launch settings read it.</summary>
    public static IReadOnlyDictionary<string, string> Environment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            if (entry.Key is string key && entry.Value is string value)
                variables[key] = value;
        return variables;
    }
}
