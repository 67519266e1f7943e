namespace RelayActors.Runtime.Kernel;

/// <summary>A message and its sender as they sit in a mailbox; a struct so enqueueing allocates no wrapper.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
