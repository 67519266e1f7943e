using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Scheduling;

/// <summary>
/// Delivers messages (or runs short actions) after a delay, on the system's clock: the real clock or a virtual
/// one that moves only when a test or simulator advances it. Akka's <c>IScheduler</c>/<c>ITellScheduler</c> shape.
/// </summary>
public interface IScheduler
{
    /// <summary>Time since the scheduler started (virtual: since zero). Monotonic.</summary>
    TimeSpan Now { get; }

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once, <paramref name="delay"/> from now (never earlier).</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null);

    /// <summary>Tells after <paramref name="initialDelay"/>, then every <paramref name="interval"/> until cancelled.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> on the scheduler's thread; keep it short and non-blocking.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}

/// <summary>A scheduled item that can be cancelled; cancelling after it ran does nothing.</summary>
public interface ICancelable
{
    /// <summary>Prevents the item from running (again). Idempotent.</summary>
    void Cancel();

    bool IsCancellationRequested { get; }
}

/// <summary>Typed overloads: the message must fit the receiver's protocol, or the call does not compile.</summary>
public static class SchedulerExtensions
{
    public static ICancelable ScheduleTellOnce<TMessage>(this IScheduler scheduler, TimeSpan delay, IActorRef<TMessage> receiver, TMessage message, IActorRef? sender = null)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(receiver);
        return scheduler.ScheduleTellOnce(delay, receiver.Untyped, message, sender);
    }

    public static ICancelable ScheduleTellRepeatedly<TMessage>(this IScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, IActorRef<TMessage> receiver, TMessage message, IActorRef? sender = null)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(receiver);
        return scheduler.ScheduleTellRepeatedly(initialDelay, interval, receiver.Untyped, message, sender);
    }
}
