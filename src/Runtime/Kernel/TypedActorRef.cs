namespace RelayActors.Runtime.Kernel;

/// <summary>Typed views of untyped refs.</summary>
public static class TypedActorRef
{
    /// <summary>
    /// Views <paramref name="actor"/> as accepting <typeparamref name="T"/>, unchecked (Akka.Typed's
    /// <c>unsafeUpcast</c>): use it where a protocol is known by convention, e.g. a reply-to ref.
    /// </summary>
    public static IActorRef<T> Of<T>(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Every runtime ref accepts object, so contravariance gives any reference-type protocol for free.
        return actor as IActorRef<T> ?? new ValueProtocolRef<T>(actor);
    }

    /// <summary>Wrapper for value-type protocols, which variance cannot reach.</summary>
    private sealed class ValueProtocolRef<T>(IActorRef actor) : IActorRef<T>
    {
        public ActorPath Path => actor.Path;

        public IActorRef Untyped => actor;

        public void Tell(T message, IActorRef? sender = null) => actor.Tell(message!, sender);

        public override bool Equals(object? obj) => obj is ValueProtocolRef<T> other ? actor.Equals(other.Untyped) : actor.Equals(obj);

        public override int GetHashCode() => actor.GetHashCode();

        public override string ToString() => actor.ToString() ?? "";
    }
}
