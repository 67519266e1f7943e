using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Tests.Remote;

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : UntypedActor
{
    protected override void Receive(object message) => Sender.Tell(message, Self.Untyped);
}
