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
