namespace RelayActors.Runtime.Kernel;

/// <summary>
/// Base of refs without a cell (dead letters, Ask promises): identity by reference, and a watch on them
/// answers at once with a death notification because there is no life to watch.
/// </summary>
internal abstract class MinimalActorRef(ActorPath path, ActorSystem system) : IInternalActorRef, IActorRef<object>
{
    public ActorPath Path { get; } = path;

    public ActorSystem System { get; } = system;

    public IActorRef Untyped => this;

    public abstract bool IsTerminated { get; }

    public abstract void Tell(object message, IActorRef? sender = null);

    public void SendSystem(SystemMessage message)
    {
        if (message is Watch w)
            w.Watcher.SendSystem(new DeathWatchNotification(this));
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => Path.GetHashCode();

    public override string ToString() => $"Actor[{Path}]";
}
