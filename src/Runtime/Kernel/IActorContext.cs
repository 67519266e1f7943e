using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Runtime.Kernel;

/// <summary>What an actor sees of itself and its surroundings while it runs (Akka's <c>IActorContext</c>).</summary>
public interface IActorContext
{
    /// <summary>This actor, untyped.</summary>
    IActorRef SelfRef { get; }

    /// <summary>Sender of the message being processed; dead letters when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent (a guardian for top-level actors).</summary>
    IActorRef Parent { get; }

    /// <summary>Live children, in creation order.</summary>
    IReadOnlyList<IActorRef> Children { get; }

    ActorSystem System { get; }

    /// <summary>The system's scheduler (virtual or real time).</summary>
    IScheduler Scheduler { get; }

    /// <summary>Logger whose category is the actor's type.</summary>
    ILogger Log { get; }

    /// <summary>Creates a child; <paramref name="name"/> must be unique among live children (auto-named when null).</summary>
    IActorRef<TChild> ActorOf<TChild>(Props<TChild> props, string? name = null);

    /// <summary>The live child named <paramref name="name"/>, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Stops <paramref name="actor"/> (this actor or a child) after its current message; children stop first.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> exactly once when <paramref name="subject"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch(IActorRef)"/> but delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; no <see cref="Terminated"/> for <paramref name="subject"/> is delivered after this call.</summary>
    void Unwatch(IActorRef subject);
}

/// <summary>The context of an actor speaking <typeparamref name="TMessage"/>, with a typed self and behaviour switching.</summary>
public interface IActorContext<TMessage> : IActorContext
{
    /// <summary>This actor, typed.</summary>
    IActorRef<TMessage> Self { get; }

    /// <summary>Handles the following messages with <paramref name="behaviour"/>; with <paramref name="discardOld"/> false the old one is kept for <see cref="Unbecome"/>.</summary>
    void Become(Action<TMessage> behaviour, bool discardOld = true);

    /// <summary>Returns to the previous behaviour (the actor's <c>Receive</c> at the bottom).</summary>
    void Unbecome();
}
