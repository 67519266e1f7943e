using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// Settings of the cluster layer (HOCON section <c>relay-actors.cluster</c>, see hocon/reference.conf).
/// With the defaults, three seed nodes started together are all Up in about 2 s; a killed node is unreachable
/// about 5.5 s after its last heartbeat (phi 8 at mean interval + pause + 5.2 σ ≈ 4.5 s, checked every heartbeat),
/// downed <see cref="StableAfter"/> later (≈ 10.5 s) and removed at the next leader tick.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>Key prefix of these settings in HOCON.</summary>
    public const string ConfigPath = "relay-actors.cluster";

    /// <summary>The defaults (no seed nodes: a node forms a cluster of its own).</summary>
    public static ClusterSettings Default { get; } = new();

    /// <summary><c>seed-nodes</c>: "host:port" of the nodes to join, in order; the first one forms the cluster when nobody answers.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary><c>min-nr-of-members</c>: the leader moves nobody Up before this many members have joined.</summary>
    public int MinNrOfMembers { get; init; } = 1;

    /// <summary><c>heartbeat-interval</c>: how often each node heartbeats every other member.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>failure-detector.threshold</c>: phi above which a member is unreachable.</summary>
    public double FailureDetectorThreshold { get; init; } = 8.0;

    /// <summary><c>failure-detector.acceptable-heartbeat-pause</c>: a pause this long is added to the mean interval.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>failure-detector.min-std-deviation</c>: lower bound of the interval deviation (regular heartbeats have ~0).</summary>
    public TimeSpan MinStdDeviation { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>failure-detector.max-sample-size</c>: inter-arrival intervals kept per member.</summary>
    public int MaxSampleSize { get; init; } = 1000;

    /// <summary><c>gossip-interval</c>: how often a node sends its membership state to one peer (round robin).</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>leader-actions-interval</c>: how often the leader moves members along (Joining → Up, Leaving → Exiting → Removed, Down → Removed).</summary>
    public TimeSpan LeaderActionsInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>seed-node-timeout</c>: how long the first seed node waits for other seeds before forming a cluster alone.</summary>
    public TimeSpan SeedNodeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>retry-join-interval</c>: how often a joining node resends Join to the seed nodes.</summary>
    public TimeSpan RetryJoinInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>downing</c>: keep-majority or off.</summary>
    public DowningStrategy Downing { get; init; } = DowningStrategy.KeepMajority;

    /// <summary><c>stable-after</c>: how long the set of unreachable members must stay the same before the downing decision.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>shutdown-after-down</c>: how long a downed node keeps answering gossip (so peers learn) before it completes <c>WhenRemoved</c>.</summary>
    public TimeSpan ShutdownAfterDown { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>relay-actors.cluster</c> section with its defaults; hocon/reference.conf carries the same values and a test keeps them equal.</summary>
    public const string Reference = """
        relay-actors.cluster {
          seed-nodes = []
          min-nr-of-members = 1
          heartbeat-interval = 1s
          failure-detector { threshold = 8.0, acceptable-heartbeat-pause = 3s, min-std-deviation = 100ms, max-sample-size = 1000 }
          gossip-interval = 500ms
          leader-actions-interval = 500ms
          seed-node-timeout = 5s
          retry-join-interval = 1s
          downing = keep-majority
          stable-after = 5s
          shutdown-after-down = 1s
        }
        """;

    private static readonly Lazy<Config> ReferenceConfig = new(() => Config.Parse(Reference, "ClusterSettings.Reference"));

    /// <summary>
    /// Reads <c>relay-actors.cluster</c> from <paramref name="config"/> (missing keys take their defaults). Unknown keys
    /// and bad values throw <see cref="ConfigurationException"/> naming the full key path and the value.
    /// </summary>
    public static ClusterSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig.Value);
        merged.GetConfig(ConfigPath).RejectUnknownKeys(ReferenceConfig.Value.GetConfig(ConfigPath));
        var c = merged.GetConfig(ConfigPath);
        var positive = (TimeSpan.FromTicks(1), TimeSpan.FromDays(1));
        var seeds = c.GetStringList("seed-nodes");
        foreach (var seed in seeds)
        {
            if (!TryParseHostPort(seed, out _, out _))
                throw new ConfigurationException($"{ConfigPath}.seed-nodes: '{seed}' is not host:port with a port in 1..65535", $"{ConfigPath}.seed-nodes", null);
        }
        return new ClusterSettings
        {
            SeedNodes = seeds,
            MinNrOfMembers = c.GetInt("min-nr-of-members", 1, 1, 10_000),
            HeartbeatInterval = c.GetDuration("heartbeat-interval", Default.HeartbeatInterval, positive.Item1, positive.Item2),
            FailureDetectorThreshold = c.GetDouble("failure-detector.threshold", 8.0, 0.1, 1000),
            AcceptableHeartbeatPause = c.GetDuration("failure-detector.acceptable-heartbeat-pause", Default.AcceptableHeartbeatPause, TimeSpan.Zero, positive.Item2),
            MinStdDeviation = c.GetDuration("failure-detector.min-std-deviation", Default.MinStdDeviation, positive.Item1, positive.Item2),
            MaxSampleSize = c.GetInt("failure-detector.max-sample-size", 1000, 1, 1_000_000),
            GossipInterval = c.GetDuration("gossip-interval", Default.GossipInterval, positive.Item1, positive.Item2),
            LeaderActionsInterval = c.GetDuration("leader-actions-interval", Default.LeaderActionsInterval, positive.Item1, positive.Item2),
            SeedNodeTimeout = c.GetDuration("seed-node-timeout", Default.SeedNodeTimeout, positive.Item1, positive.Item2),
            RetryJoinInterval = c.GetDuration("retry-join-interval", Default.RetryJoinInterval, positive.Item1, positive.Item2),
            Downing = c.GetEnum<DowningStrategy>("downing"),
            StableAfter = c.GetDuration("stable-after", Default.StableAfter, TimeSpan.Zero, positive.Item2),
            ShutdownAfterDown = c.GetDuration("shutdown-after-down", Default.ShutdownAfterDown, TimeSpan.Zero, positive.Item2),
        };
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the HOCON key and the bad value (for settings built in code).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(SeedNodes);
        foreach (var seed in SeedNodes)
            if (!TryParseHostPort(seed, out _, out _))
                throw Invalid("seed-nodes", seed, "each entry must be host:port with a port in 1..65535");
        if (MinNrOfMembers < 1)
            throw Invalid("min-nr-of-members", MinNrOfMembers, "must be 1 or more");
        if (FailureDetectorThreshold <= 0)
            throw Invalid("failure-detector.threshold", FailureDetectorThreshold, "must be positive");
        if (MaxSampleSize < 1)
            throw Invalid("failure-detector.max-sample-size", MaxSampleSize, "must be 1 or more");
        if (!Enum.IsDefined(Downing))
            throw Invalid("downing", Downing, "must be keep-majority or off");
        foreach (var (key, value) in new[]
        {
            ("heartbeat-interval", HeartbeatInterval), ("failure-detector.min-std-deviation", MinStdDeviation),
            ("gossip-interval", GossipInterval), ("leader-actions-interval", LeaderActionsInterval),
            ("seed-node-timeout", SeedNodeTimeout), ("retry-join-interval", RetryJoinInterval),
        })
        {
            if (value <= TimeSpan.Zero)
                throw Invalid(key, value, "must be positive");
        }
        foreach (var (key, value) in new[]
        {
            ("failure-detector.acceptable-heartbeat-pause", AcceptableHeartbeatPause), ("stable-after", StableAfter), ("shutdown-after-down", ShutdownAfterDown),
        })
        {
            if (value < TimeSpan.Zero)
                throw Invalid(key, value, "must not be negative");
        }
    }

    private static ArgumentOutOfRangeException Invalid(string key, object value, string rule) =>
        new($"{ConfigPath}.{key}", value, $"{ConfigPath}.{key} = {value}: {rule}");

    /// <summary>Splits "host:port"; false when the port is missing or outside 1..65535.</summary>
    public static bool TryParseHostPort(string text, out string host, out int port)
    {
        ArgumentNullException.ThrowIfNull(text);
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            return false;
        host = text[..colon];
        return true;
    }
}
