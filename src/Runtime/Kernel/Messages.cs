namespace RelayActors.Runtime.Kernel;

/// <summary>Delivered to a watcher once when a watched actor has stopped (see <see cref="IActorContext.Watch(IActorRef)"/>).</summary>
public sealed record Terminated(IActorRef ActorRef);

/// <summary>Stops the receiving actor after it has processed every message enqueued before this one.</summary>
public sealed class PoisonPill
{
    public static readonly PoisonPill Instance = new();
    private PoisonPill() { }
    public override string ToString() => nameof(PoisonPill);
}

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/>; its supervisor decides what follows.</summary>
public sealed class Kill
{
    public static readonly Kill Instance = new();
    private Kill() { }
    public override string ToString() => nameof(Kill);
}

/// <summary>A message that could not be delivered: the recipient had stopped, its mailbox overflowed, or the system was shut down.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient, string Reason);

/// <summary>
/// Published on the event stream whenever a supervisor handles a failure (also counted in
/// <see cref="ActorSystem.FailureCount"/>), so a failure is visible even without a logger.
/// </summary>
public sealed record ActorFailure(IActorRef Actor, Exception Cause, string MessageType, RelayActors.Runtime.Supervision.Directive Directive);

/// <summary>A message the recipient's behaviour did not handle (published on the event stream).</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>The failure an <c>Ask</c> completes with when the target replies with it (Akka's <c>Status.Failure</c>).</summary>
public sealed record StatusFailure(Exception Cause);
