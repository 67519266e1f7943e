namespace RelayActors.Runtime.Kernel;

/// <summary>An actor name or path element that the path syntax cannot carry, or a name already taken.</summary>
public sealed class InvalidActorNameException(string message) : Exception(message);

/// <summary>The actor's constructor or <c>PreStart</c> threw; supervisors stop such an actor by default.</summary>
public sealed class ActorInitializationException(IActorRef actor, Exception cause)
    : Exception($"Actor {actor.Path} failed to initialise: {cause.Message}", cause)
{
    public IActorRef Actor { get; } = actor;
}

/// <summary>Raised inside an actor that received <see cref="Kill"/>.</summary>
public sealed class ActorKilledException(string message) : Exception(message);

/// <summary>An actor watched another, the other stopped, and the watcher did not handle <see cref="Terminated"/>.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : Exception($"Watched actor {deadActor.Path} terminated and the Terminated message was not handled")
{
    public IActorRef DeadActor { get; } = deadActor;
}

/// <summary>An <c>Ask</c> got no reply in time; the message names target, message type and timeout.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);

/// <summary>An operation on an actor system that has been (or is being) shut down.</summary>
public sealed class ActorSystemTerminatedException(string message) : InvalidOperationException(message);
