using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Actors.Network;

/// <summary>
/// One directed link to <see cref="Target"/>: a message sent now is told to the target by the scheduler after
/// the <see cref="LinkModel"/>'s latency (virtual or real clock alike). Owned by the sending actor and used only
/// on its turn, so the counters need no synchronisation.
/// </summary>
public sealed class DelayedLink<TMessage>
    where TMessage : notnull
{
    private readonly IScheduler _scheduler;

    public DelayedLink(IScheduler scheduler, IActorRef<TMessage> target, LinkModel model)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(model);
        _scheduler = scheduler;
        Target = target;
        Model = model;
    }

    public IActorRef<TMessage> Target { get; }

    public LinkModel Model { get; }

    /// <summary>Messages handed to the link so far.</summary>
    public long MessagesSent { get; private set; }

    /// <summary>Schedules delivery of <paramref name="message"/> after the latency. The message must not be modified afterwards.</summary>
    public void Send(TMessage message, IActorRef? sender = null)
    {
        _scheduler.ScheduleTellOnce(Model.Latency, Target, message, sender);
        MessagesSent++;
    }
}
