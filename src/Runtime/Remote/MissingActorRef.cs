using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>What <see cref="RemoteTransport.Resolve"/> returns for a local path with no live actor: messages become dead letters.</summary>
internal sealed class MissingActorRef(ActorPath path, ActorSystem system) : MinimalActorRef(path, system)
{
    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.DeadLetters.Tell(new DeadLetter(message, sender, this, $"no actor at {Path}"));
    }
}
