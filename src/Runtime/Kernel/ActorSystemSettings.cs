using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Supervision;

namespace RelayActors.Runtime.Kernel;

/// <summary>Which clock an actor system runs on.</summary>
public enum ClockKind
{
    /// <summary>Wall-clock time; actors run on the thread pool.</summary>
    Real,

    /// <summary>
    /// A virtual clock that moves only when advanced; all actors run on one deterministic dispatcher on the
    /// advancing thread, so a seeded run replays exactly.
    /// </summary>
    Virtual,
}

/// <summary>
/// Settings of an actor system (HOCON section <c>relay-actors.runtime</c>, see hocon/reference.conf).
/// <see cref="Validate"/> names the offending key and value.
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>Key prefix of these settings in HOCON.</summary>
    public const string ConfigPath = "relay-actors.runtime";

    /// <summary>Real time, thread pool, unbounded mailboxes, throughput 100.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>The defaults on a virtual clock (tests, simulations).</summary>
    public static ActorSystemSettings VirtualTime { get; } = new() { Clock = ClockKind.Virtual };

    /// <summary><c>clock</c>: real or virtual time.</summary>
    public ClockKind Clock { get; init; } = ClockKind.Real;

    /// <summary><c>throughput</c>: messages an actor processes per turn before yielding its thread (fairness). 1..1,000,000.</summary>
    public int Throughput { get; init; } = 100;

    /// <summary><c>mailbox</c>: the mailbox of actors whose Props name none.</summary>
    public MailboxSettings DefaultMailbox { get; init; } = MailboxSettings.Unbounded;

    /// <summary><c>dead-letters.log-limit</c>: dead letters logged per window (0 = none; all are still counted and published).</summary>
    public int DeadLetterLogLimit { get; init; } = 10;

    /// <summary><c>dead-letters.log-window</c>: the window of the log limit.</summary>
    public TimeSpan DeadLetterLogWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>shutdown-timeout</c>: how long <c>Dispose</c> waits for all actors to stop.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How the <c>/user</c> guardian supervises top-level actors.</summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.Default;

    /// <summary>Source of real time (tests of the real-time scheduler may substitute their own).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The <c>relay-actors.runtime</c> section with its defaults; hocon/reference.conf carries the same text
    /// (with comments) and a test keeps them equal.
    /// </summary>
    public const string Reference = """
        relay-actors.runtime {
          clock = real
          throughput = 100
          mailbox { kind = unbounded, capacity = 1000, overflow = drop-incoming }
          dead-letters { log-limit = 10, log-window = 10s }
          shutdown-timeout = 10s
        }
        """;

    private static readonly Lazy<Config> ReferenceConfig = new(() => Config.Parse(Reference, "ActorSystemSettings.Reference"));

    /// <summary>
    /// Reads <c>relay-actors.runtime</c> from <paramref name="config"/> (missing keys take their defaults).
    /// Unknown keys and bad values throw <see cref="ConfigurationException"/> naming the full key path, the value
    /// and where it was written.
    /// </summary>
    public static ActorSystemSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig.Value);
        merged.GetConfig(ConfigPath).RejectUnknownKeys(ReferenceConfig.Value.GetConfig(ConfigPath));
        var c = merged.GetConfig(ConfigPath);
        var kind = c.GetEnum<MailboxKind>("mailbox.kind");
        var overflow = c.GetEnum<OverflowPolicy>("mailbox.overflow");
        return new ActorSystemSettings
        {
            Clock = c.GetEnum<ClockKind>("clock"),
            Throughput = c.GetInt("throughput", 100, 1, 1_000_000),
            DefaultMailbox = kind == MailboxKind.Unbounded
                ? MailboxSettings.Unbounded with { Overflow = overflow }
                : new MailboxSettings(kind, c.GetInt("mailbox.capacity", 1000, 1, int.MaxValue), overflow),
            DeadLetterLogLimit = c.GetInt("dead-letters.log-limit", 10, 0, int.MaxValue),
            DeadLetterLogWindow = c.GetDuration("dead-letters.log-window", TimeSpan.FromSeconds(10), TimeSpan.FromTicks(1), TimeSpan.MaxValue),
            ShutdownTimeout = c.GetDuration("shutdown-timeout", TimeSpan.FromSeconds(10), TimeSpan.FromTicks(1), TimeSpan.MaxValue),
        };
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the HOCON key and the bad value.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Clock))
            throw Invalid("clock", Clock, "must be real or virtual");
        if (Throughput is < 1 or > 1_000_000)
            throw Invalid("throughput", Throughput, "must be between 1 and 1000000");
        ArgumentNullException.ThrowIfNull(DefaultMailbox);
        try
        {
            DefaultMailbox.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Invalid("mailbox", DefaultMailbox, ex.Message);
        }
        if (DeadLetterLogLimit < 0)
            throw Invalid("dead-letters.log-limit", DeadLetterLogLimit, "must be 0 or more");
        if (DeadLetterLogWindow <= TimeSpan.Zero)
            throw Invalid("dead-letters.log-window", DeadLetterLogWindow, "must be positive");
        if (ShutdownTimeout <= TimeSpan.Zero)
            throw Invalid("shutdown-timeout", ShutdownTimeout, "must be positive");
        ArgumentNullException.ThrowIfNull(GuardianSupervisorStrategy);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }

    private static ArgumentOutOfRangeException Invalid(string key, object value, string rule) =>
        new($"{ConfigPath}.{key}", value, $"{ConfigPath}.{key} = {value}: {rule}");
}
