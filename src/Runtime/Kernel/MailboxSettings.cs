namespace RelayActors.Runtime.Kernel;

/// <summary>How a mailbox stores messages.</summary>
public enum MailboxKind
{
    /// <summary>Grows without limit (the default, like Akka's).</summary>
    Unbounded,

    /// <summary>Holds at most <see cref="MailboxSettings.Capacity"/> messages; the overflow policy decides what happens past that.</summary>
    Bounded,
}

/// <summary>What a bounded mailbox does with a message that does not fit. Every dropped message goes to dead letters.</summary>
public enum OverflowPolicy
{
    /// <summary>Reject the incoming message (it becomes a dead letter).</summary>
    DropIncoming,

    /// <summary>Evict the most recently queued message to make room.</summary>
    DropNewest,

    /// <summary>Evict the oldest queued message to make room (keeps the freshest state, good for telemetry).</summary>
    DropOldest,

    /// <summary>Throw <see cref="MailboxFullException"/> to the sender (and record a dead letter).</summary>
    Fail,
}

/// <summary>Mailbox configuration: kind, capacity (bounded only) and overflow policy.</summary>
public sealed record MailboxSettings(MailboxKind Kind, int Capacity, OverflowPolicy Overflow)
{
    /// <summary>An unbounded mailbox.</summary>
    public static MailboxSettings Unbounded { get; } = new(MailboxKind.Unbounded, 0, OverflowPolicy.DropIncoming);

    /// <summary>A bounded mailbox of <paramref name="capacity"/> messages.</summary>
    public static MailboxSettings Bounded(int capacity, OverflowPolicy overflow = OverflowPolicy.DropIncoming)
    {
        var settings = new MailboxSettings(MailboxKind.Bounded, capacity, overflow);
        settings.Validate();
        return settings;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad value.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown mailbox kind");
        if (!Enum.IsDefined(Overflow))
            throw new ArgumentOutOfRangeException(nameof(Overflow), Overflow, "Unknown overflow policy");
        if (Kind == MailboxKind.Bounded && Capacity < 1)
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "A bounded mailbox needs a capacity of at least 1");
    }
}

/// <summary>Thrown to the sender when a bounded mailbox with <see cref="OverflowPolicy.Fail"/> is full.</summary>
public sealed class MailboxFullException(string message) : Exception(message);
