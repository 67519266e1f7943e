using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: records everything it receives, including <see cref="Terminated"/>.</summary>
internal sealed class ProbeActor(ProbeQueue queue) : UntypedActor
{
    protected override void Receive(object message)
    {
        switch (message)
        {
            case ProbeCommand.Watch w:
                Context.Watch(w.Subject);
                break;
            case ProbeCommand.Unwatch u:
                Context.Unwatch(u.Subject);
                break;
            default:
                Record(message);
                break;
        }
    }

    protected override void OnTerminated(Terminated terminated) => Record(terminated);

    private void Record(object message)
    {
        queue.Add(new ReceivedMessage(message, Sender, Context.Scheduler.Now));
    }
}

/// <summary>Commands a probe sends to its own actor so that watching happens on the actor's turn.</summary>
internal abstract record ProbeCommand
{
    public sealed record Watch(IActorRef Subject) : ProbeCommand;

    public sealed record Unwatch(IActorRef Subject) : ProbeCommand;
}
