namespace RelayActors.Runtime.Kernel;

/// <summary>
/// Handle to an actor that accepts any message (Akka's classic <c>IActorRef</c>). Equal refs name the same
/// incarnation: a new actor created under a dead one's path is a different ref.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>
{
    /// <summary>Where the actor lives.</summary>
    ActorPath Path { get; }

    /// <summary>Sends <paramref name="message"/> fire-and-forget. Inside an actor, <paramref name="sender"/> defaults to <c>Self</c>.</summary>
    void Tell(object message, IActorRef? sender = null);
}

/// <summary>
/// Handle to an actor whose protocol is <typeparamref name="TMessage"/>: telling it anything else does not compile.
/// Contravariant, so a ref that accepts <c>object</c> (a probe) can stand in for any protocol.
/// </summary>
public interface IActorRef<in TMessage>
{
    /// <summary>Where the actor lives.</summary>
    ActorPath Path { get; }

    /// <summary>The same actor seen as an untyped ref (for watching, as a sender, for the scheduler).</summary>
    IActorRef Untyped { get; }

    /// <summary>Sends <paramref name="message"/> fire-and-forget. Inside an actor, <paramref name="sender"/> defaults to <c>Self</c>.</summary>
    void Tell(TMessage message, IActorRef? sender = null);
}
