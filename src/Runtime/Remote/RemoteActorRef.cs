using System.Text;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// A ref to an actor on another node: <see cref="Tell"/> serializes the message and queues it on the association's
/// lane for its type (at-most-once: dropped with a counter and a log line while the node is unreachable). Equal by path.
/// </summary>
public sealed class RemoteActorRef : IActorRef, IActorRef<object>
{
    private readonly RemoteTransport _transport;

    internal RemoteActorRef(RemoteTransport transport, ActorPath path)
    {
        _transport = transport;
        Path = path;
        PathBytes = Encoding.UTF8.GetBytes(path.ToString());
    }

    public ActorPath Path { get; }

    public IActorRef Untyped => this;

    /// <summary>The path as UTF-8, encoded once for every frame addressed here.</summary>
    internal byte[] PathBytes { get; }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _transport.Send(this, message, sender ?? ActorCell.Current?.Self);
    }

    public bool Equals(IActorRef? other) => other is RemoteActorRef r && r.Path.Equals(Path);

    public override bool Equals(object? obj) => Equals(obj as IActorRef);

    public override int GetHashCode() => Path.GetHashCode();

    public override string ToString() => $"RemoteActor[{Path}]";
}
