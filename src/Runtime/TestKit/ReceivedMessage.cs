using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.TestKit;

/// <summary>A message as a probe received it, with its sender and the clock reading on arrival.</summary>
public sealed record ReceivedMessage(object Message, IActorRef? Sender, TimeSpan ReceivedAt);
