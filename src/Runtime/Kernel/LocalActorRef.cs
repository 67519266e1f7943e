namespace RelayActors.Runtime.Kernel;

/// <summary>The ref of an actor in this process. One per incarnation; equality is by path and incarnation id.</summary>
internal sealed class LocalActorRef : IInternalActorRef, IActorRef<object>
{
    internal LocalActorRef(ActorPath path, long uid)
    {
        Path = path;
        Uid = uid;
    }

    public ActorPath Path { get; }

    /// <summary>Incarnation id: distinguishes a new actor from a stopped one with the same path.</summary>
    public long Uid { get; }

    internal ActorCell Cell { get; set; } = null!;

    public IActorRef Untyped => this;

    /// <summary>This ref seen through protocol <typeparamref name="T"/> (no allocation for reference-type protocols).</summary>
    public IActorRef<T> As<T>() => TypedActorRef.Of<T>(this);

    public bool IsTerminated => Cell.IsTerminated;

    public ActorSystem System => Cell.System;

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is null)
            throw new ArgumentNullException(nameof(message), $"Cannot send a null message to {Path}");
        Cell.Mailbox.Post(new Envelope(message, sender ?? ActorCell.Current?.Self));
    }

    public void SendSystem(SystemMessage message) => Cell.Mailbox.PostSystem(message);

    public bool Equals(IActorRef? other) => other is LocalActorRef o && o.Uid == Uid && o.Path.Equals(Path);

    public override bool Equals(object? obj) => Equals(obj as IActorRef);

    public override int GetHashCode() => Uid.GetHashCode();

    public override string ToString() => $"Actor[{Path}#{Uid}]";
}
