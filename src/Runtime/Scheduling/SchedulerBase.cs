using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Scheduling;

/// <summary>Argument checking and item creation shared by the real and virtual schedulers.</summary>
public abstract class SchedulerBase : IScheduler
{
    private protected SchedulerBase()
    {
    }

    public abstract TimeSpan Now { get; }

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ScheduledItem.ValidateDelay(delay, nameof(delay));
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Enqueue(new ScheduledItem(receiver, message, sender, DueAfter(delay), 0, OnCancel));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ScheduledItem.ValidateDelay(initialDelay, nameof(initialDelay));
        ScheduledItem.ValidateInterval(interval, nameof(interval));
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Enqueue(new ScheduledItem(receiver, message, sender, DueAfter(initialDelay), interval.Ticks, OnCancel));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ScheduledItem.ValidateDelay(delay, nameof(delay));
        ArgumentNullException.ThrowIfNull(action);
        return Enqueue(new ScheduledItem(action, DueAfter(delay), OnCancel));
    }

    /// <summary>Called once when a pending item is cancelled (keeps pending counts exact).</summary>
    private protected abstract Action<ScheduledItem> OnCancel { get; }

    private protected abstract ScheduledItem Enqueue(ScheduledItem item);

    private long DueAfter(TimeSpan delay)
    {
        var now = Now.Ticks;
        return delay.Ticks > long.MaxValue - now ? long.MaxValue : now + delay.Ticks;
    }
}
