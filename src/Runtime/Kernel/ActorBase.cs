using RelayActors.Runtime.Supervision;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// Lifecycle and plumbing shared by all actors. Derive from <see cref="Actor{TMessage}"/> or
/// <see cref="ReceiveActor{TProtocol}"/>; instances are created only by the runtime from <see cref="Props{TMessage}"/>.
/// </summary>
public abstract class ActorBase
{
    private protected ActorBase()
    {
        Cell = ActorCell.Constructing ?? throw new InvalidOperationException(
            $"{GetType().Name} was created with 'new' outside the runtime; create actors with system.ActorOf(Props.Create(() => new {GetType().Name}(...))).");
    }

    internal ActorCell Cell { get; }

    /// <summary>Sender of the message being processed.</summary>
    protected IActorRef Sender => Cell.Sender;

    /// <summary>Called once before the first message (and, by default, after a restart).</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called once after the actor stopped and all its children have stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance before it is replaced; by default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Cell.Children)
            Cell.Stop(child);
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children; null falls back to the Props' strategy, then the system default.</summary>
    protected virtual SupervisorStrategy? SupervisorStrategy() => null;

    /// <summary>
    /// For messages no behaviour handles: published on the event stream as <see cref="UnhandledMessage"/>.
    /// An unhandled <see cref="Terminated"/> throws <see cref="DeathPactException"/> (Akka's death pact).
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Terminated terminated)
            throw new DeathPactException(terminated.ActorRef);
        Cell.PublishUnhandled(message);
    }

    internal void RunPreStart() => PreStart();

    internal void RunPostStop() => PostStop();

    internal void RunPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void RunPostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy? RunSupervisorStrategy() => SupervisorStrategy();

    /// <summary>Routes one message to the current behaviour.</summary>
    internal abstract void Invoke(object message);

    /// <summary>Runtime hook after a child has fully stopped (guardians use it to sequence shutdown).</summary>
    internal virtual void OnChildTerminated(IActorRef child)
    {
    }
}
