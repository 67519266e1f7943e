using System.Globalization;
using System.Text;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Configuration;

/// <summary>
/// What <c>relay node</c> needs to join a cluster: where to listen, whom to join, how many workers it can run, which
/// machine it counts as, the cluster secret, and its rank when a launcher started it.
/// </summary>
/// <remarks>
/// <para>Every value is taken from the first source that has it: flag, then environment, then HOCON, then the default.
/// The environment is the launcher's (<see cref="LaunchEnvironment"/>: Slurm, Open MPI) plus <c>RELAY_SEED_HOST</c>
/// and <c>RELAY_CLUSTER_SECRET</c>.</para>
/// <para>Ports: the flag or <c>relay-actors.remote.port</c> is a base port (default <see cref="DefaultBasePort"/>);
/// a node with local rank r listens on base + r, so several ranks on one machine do not collide. A seed derived from
/// the environment is <c>&lt;first host&gt;:&lt;base port&gt;</c>: local rank 0 of the first machine.</para>
/// <para>HOCON keys: <c>relay-actors.remote.{hostname, port}</c>, <c>relay-actors.cluster.seed-nodes</c> and this
/// type's own section <c>relay-actors.node.{capacity, host-label, secret-file}</c>.</para>
/// </remarks>
internal sealed record NodeLaunchSettings
{
    public const string NodeSection = "relay-actors.node";
    public const string RemoteSection = "relay-actors.remote";
    public const string ClusterSection = "relay-actors.cluster";
    public const int DefaultBasePort = 25520;

    /// <summary>The <c>relay-actors.node</c> section with its defaults (a secret file of "" means none).</summary>
    public const string Reference = """
        relay-actors.node {
          capacity = 1
          host-label = ""
          secret-file = ""
          lost-node-policy = stop-with-checkpoint
          submit-timeout = 60s
        }
        """;

    private static readonly Lazy<Config> ReferenceConfig = new(() => Config.Parse(Reference, "NodeLaunchSettings.Reference"));

    /// <summary>The name or IP this node binds and advertises.</summary>
    public required string Hostname { get; init; }

    /// <summary>The port before the local-rank offset.</summary>
    public required int BasePort { get; init; }

    /// <summary>The port this node listens on: <see cref="BasePort"/> + <see cref="LocalRank"/> (0 stays 0: any free port).</summary>
    public required int Port { get; init; }

    /// <summary>"host:port" of the nodes to join; empty: this node forms a cluster of its own.</summary>
    public required IReadOnlyList<string> SeedNodes { get; init; }

    /// <summary>Worker slots (0: a member that runs no workers, e.g. a submitting client).</summary>
    public required int Capacity { get; init; }

    /// <summary>The machine this node counts as for placement (default: the Slurm node name or the machine name).</summary>
    public required string HostLabel { get; init; }

    /// <summary>The cluster secret; null when none was given (no authentication).</summary>
    public ClusterSecret? Secret { get; init; }

    public int? Rank { get; init; }

    public int? WorldSize { get; init; }

    public int LocalRank { get; init; }

    public LauncherKind Launcher { get; init; }

    /// <summary><c>lost-node-policy</c>: what a cluster run does when a node hosting workers is lost.</summary>
    public LostNodePolicy LostNodePolicy { get; init; }

    /// <summary><c>submit-timeout</c>: how long <c>relay train --cluster</c> waits for the cluster to form with enough capacity.</summary>
    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Merges <paramref name="flags"/>, <paramref name="environment"/> and <paramref name="config"/> (rules in the remarks).</summary>
    /// <param name="flags">The command line; <see cref="NodeLaunchFlags.None"/> when none.</param>
    /// <param name="config">The node's HOCON (may be <see cref="Config.Empty"/>); only the keys in the remarks are read.</param>
    /// <param name="environment">The process environment (or a hand-written one in tests).</param>
    /// <param name="machineName">The default host label, and the default hostname under a launcher (<see cref="Environment.MachineName"/> in production).</param>
    /// <exception cref="ConfigurationException">A value is invalid; the message names the flag, variable or key and the value.</exception>
    public static NodeLaunchSettings Resolve(NodeLaunchFlags flags, Config config, IReadOnlyDictionary<string, string> environment, string machineName)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(machineName);
        var env = LaunchEnvironment.Read(environment);
        var node = ReadNodeSection(config);

        var basePort = flags.Port is { } flagPort
            ? CheckPort(flagPort, "--port")
            : CheckPort(config.GetInt($"{RemoteSection}.port", DefaultBasePort), $"{RemoteSection}.port");
        var localRank = flags.LocalRank ?? env.LocalRank ?? 0;
        if (localRank < 0)
            throw Invalid("--local-rank", localRank, "must be 0 or more");
        var port = basePort == 0 ? 0 : basePort + localRank;
        if (port > 65535)
            throw Invalid(flags.LocalRank is null ? LocalRankSource(env) : "--local-rank", localRank, $"puts base port {basePort} + {localRank} = {port} above 65535");

        var capacity = flags.Capacity ?? node.GetInt("capacity");
        if (capacity < 0)
            throw Invalid(flags.Capacity is null ? $"{NodeSection}.capacity" : "--capacity", capacity, "must be 0 or more (0: this node runs no workers)");

        var (rank, worldSize) = (flags.Rank ?? env.Rank, flags.WorldSize ?? env.WorldSize);
        if (rank < 0)
            throw Invalid("--rank", rank, "must be 0 or more");
        if (worldSize < 1)
            throw Invalid("--world-size", worldSize, "must be at least 1");
        if (rank >= worldSize)
            throw new ConfigurationException($"rank {rank} is not below world size {worldSize} (from {(flags.Rank is null ? env.Launcher.ToString() : "--rank")}, {(flags.WorldSize is null ? env.Launcher.ToString() : "--world-size")})", "--rank", null);

        return new NodeLaunchSettings
        {
            Hostname = NonEmpty(flags.Hostname, "--hostname")
                ?? env.NodeName
                ?? (config.HasPath($"{RemoteSection}.hostname") ? NonEmpty(config.GetString($"{RemoteSection}.hostname"), $"{RemoteSection}.hostname") : null)
                ?? (env.Launcher == LauncherKind.None ? "127.0.0.1" : machineName),
            BasePort = basePort,
            Port = port,
            SeedNodes = ResolveSeedNodes(flags, env, config, basePort),
            Capacity = capacity,
            HostLabel = NonEmpty(flags.HostLabel, "--host-label") ?? env.NodeName ?? Blank(node.GetString("host-label")) ?? machineName,
            Secret = ResolveSecret(flags, env, node),
            Rank = rank,
            WorldSize = worldSize,
            LocalRank = localRank,
            Launcher = env.Launcher,
            LostNodePolicy = node.GetString("lost-node-policy") switch
            {
                "stop-with-checkpoint" => LostNodePolicy.StopWithCheckpoint,
                "continue" => LostNodePolicy.Continue,
                var other => throw new ConfigurationException($"{NodeSection}.lost-node-policy = {other} must be one of stop-with-checkpoint, continue", $"{NodeSection}.lost-node-policy", null),
            },
            SubmitTimeout = node.GetDuration("submit-timeout", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
        };
    }

    /// <summary>Splits "host:port"; false when the host is empty or the port is missing or outside 1..65535.</summary>
    public static bool TryParseHostPort(string text, out string host, out int port)
    {
        ArgumentNullException.ThrowIfNull(text);
        (host, port) = ("", 0);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            return false;
        host = text[..colon];
        return true;
    }

    /// <summary>One line per setting; the secret appears only as its source.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"listen      {Hostname}:{Port} (base port {BasePort}, local rank {LocalRank})\n");
        text.Append(CultureInfo.InvariantCulture, $"seed nodes  {(SeedNodes.Count == 0 ? "none (forms its own cluster)" : string.Join(", ", SeedNodes))}\n");
        text.Append(CultureInfo.InvariantCulture, $"host        {HostLabel}, capacity {Capacity}\n");
        text.Append(CultureInfo.InvariantCulture, $"launcher    {Launcher}, rank {Format(Rank)} of {Format(WorldSize)}\n");
        text.Append(CultureInfo.InvariantCulture, $"secret      {(Secret is null ? "none (no authentication)" : Secret.ToString())}\n");
        return text.ToString();
    }

    private static Config ReadNodeSection(Config config)
    {
        var merged = config.WithFallback(ReferenceConfig.Value);
        merged.GetConfig(NodeSection).RejectUnknownKeys(ReferenceConfig.Value.GetConfig(NodeSection));
        return merged.GetConfig(NodeSection);
    }

    private static IReadOnlyList<string> ResolveSeedNodes(NodeLaunchFlags flags, LaunchEnvironment env, Config config, int basePort)
    {
        if (flags.SeedNodes is { } given)
            return CheckSeeds(given, "--seed-nodes");
        if (env.SeedHost is { } host)
        {
            if (TryParseHostPort(host, out _, out _))
                return [host];
            if (basePort == 0)
                throw new ConfigurationException($"{env.SeedSource}={host} gives the seed host, but the base port is 0 (any free port), so its port is unknown; set --port or {RemoteSection}.port", env.SeedSource, null);
            return [string.Create(CultureInfo.InvariantCulture, $"{host}:{basePort}")];
        }
        return config.HasPath($"{ClusterSection}.seed-nodes")
            ? CheckSeeds(config.GetStringList($"{ClusterSection}.seed-nodes"), $"{ClusterSection}.seed-nodes")
            : [];
    }

    private static IReadOnlyList<string> CheckSeeds(IReadOnlyList<string> seeds, string source)
    {
        foreach (var seed in seeds)
            if (!TryParseHostPort(seed, out _, out _))
                throw Invalid(source, seed, "is not host:port with a port in 1..65535");
        return [.. seeds];
    }

    private static ClusterSecret? ResolveSecret(NodeLaunchFlags flags, LaunchEnvironment env, Config node)
    {
        if (flags.SecretFile is { } file)
            return ClusterSecret.FromFile(file, "--secret-file");
        if (env.SecretText is { } text)
            return ClusterSecret.FromEnvironment(LaunchEnvironment.SecretVariable, text);
        return Blank(node.GetString("secret-file")) is { } path ? ClusterSecret.FromFile(path, $"{NodeSection}.secret-file") : null;
    }

    private static int CheckPort(int port, string source) =>
        port is >= 0 and <= 65535 ? port : throw Invalid(source, port, "must be in 0..65535 (0: any free port)");

    private static string LocalRankSource(LaunchEnvironment env) =>
        env.Launcher == LauncherKind.OpenMpi ? LaunchEnvironment.MpiLocalRank : LaunchEnvironment.SlurmLocalId;

    private static string? NonEmpty(string? value, string source) =>
        value is null ? null : Blank(value) ?? throw Invalid(source, "\"\"", "must not be empty");

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static ConfigurationException Invalid(string source, object? value, string rule) =>
        new($"{source} = {value} {rule}", source, null);
}
