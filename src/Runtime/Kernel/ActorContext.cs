using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Runtime.Kernel;

/// <summary>Typed face of an <see cref="ActorCell"/> for one actor instance.</summary>
internal sealed class ActorContext<TMessage>(ActorCell cell, Actor<TMessage> actor) : IActorContext<TMessage>
{
    private ILogger? _log;

    public IActorRef<TMessage> Self { get; } = cell.Self.As<TMessage>();

    public IActorRef SelfRef => cell.Self;

    public IActorRef Sender => cell.Sender;

    public IActorRef Parent => cell.ParentRef;

    public IReadOnlyList<IActorRef> Children => cell.Children;

    public ActorSystem System => cell.System;

    public IScheduler Scheduler => cell.System.Scheduler;

    public ILogger Log => _log ??= cell.System.LoggerFactory.CreateLogger(actor.GetType());

    public IActorRef<TChild> ActorOf<TChild>(Props<TChild> props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        return cell.SpawnChild(props.Shape, name).As<TChild>();
    }

    public IActorRef? Child(string name) => cell.Child(name);

    public void Stop(IActorRef actor) => cell.Stop(actor);

    public IActorRef Watch(IActorRef subject) => cell.Watch(subject, customMessage: null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return cell.Watch(subject, message);
    }

    public void Unwatch(IActorRef subject) => cell.Unwatch(subject);

    public void Become(Action<TMessage> behaviour, bool discardOld = true) => actor.Become(behaviour, discardOld);

    public void Unbecome() => actor.Unbecome();
}
