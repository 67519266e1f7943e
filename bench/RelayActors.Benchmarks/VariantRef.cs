using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>
/// A ref onto a <see cref="VariantMailbox"/> shaped like LocalActorRef (an <c>IActorRef&lt;object&gt;</c> reached
/// through contravariance), so the producer pays the same interface dispatch as with a real ref.
/// </summary>
internal sealed class VariantRef(IActorRef actor, VariantMailbox mailbox) : IActorRef<object>
{
    public ActorPath Path => actor.Path;

    public IActorRef Untyped => actor;

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is null)
            throw new ArgumentNullException(nameof(message), $"Cannot send a null message to {Path}");
        mailbox.Post(message, sender);
    }
}
