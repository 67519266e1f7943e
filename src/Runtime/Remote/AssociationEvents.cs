using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>Published on the system's event stream when an association to another node changes.</summary>
public interface IAssociationEvent
{
    /// <summary>The other node.</summary>
    Address Remote { get; }
}

/// <summary>Both lanes to <see cref="Remote"/> are connected and authenticated.</summary>
public sealed record AssociationEstablished(Address Remote) : IAssociationEvent;

/// <summary>The association to <see cref="Remote"/> ended (connection closed, reset or a protocol error); it reconnects with backoff when something is sent again.</summary>
public sealed record AssociationLost(Address Remote, string Reason) : IAssociationEvent;

/// <summary>A connection from or to <see cref="Remote"/> was refused during the handshake (wrong secret, other protocol version, other system name).</summary>
public sealed record AssociationRefused(Address Remote, string Reason) : IAssociationEvent;
