using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// What the cluster needs from remoting: this system's external address and location-transparent refs. The TCP
/// <c>RemoteTransport</c> implements it; cluster tests use an in-process fake on virtual time.
/// </summary>
public interface IRemoting
{
    /// <summary>This system's external address, <c>relay://system@host:port</c>.</summary>
    Address Address { get; }

    /// <summary>
    /// A ref to the actor at <paramref name="path"/>: the local actor when the path's address is <see cref="Address"/>,
    /// otherwise a remote ref whose <c>Tell</c> serializes the message and sends it over the association to that node.
    /// </summary>
    IActorRef Resolve(ActorPath path);
}
