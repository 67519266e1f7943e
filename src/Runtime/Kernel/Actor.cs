namespace RelayActors.Runtime.Kernel;

/// <summary>
/// An actor speaking <typeparamref name="TMessage"/>, written as one <see cref="Receive"/> method (usually a switch).
/// Messages outside the protocol never reach <see cref="Receive"/>; <see cref="Terminated"/> goes to <see cref="OnTerminated"/>.
/// </summary>
public abstract class Actor<TMessage> : ActorBase
{
    private readonly ActorContext<TMessage> _context;
    private readonly Action<TMessage> _receive;
    private List<Action<TMessage>>? _behaviours;

    protected Actor()
    {
        _context = new ActorContext<TMessage>(Cell, this);
        _receive = Receive;
    }

    /// <summary>This actor's context: self, sender, parent, children, watch, become.</summary>
    protected IActorContext<TMessage> Context => _context;

    /// <summary>This actor, typed.</summary>
    protected IActorRef<TMessage> Self => _context.Self;

    /// <summary>The default behaviour.</summary>
    protected abstract void Receive(TMessage message);

    /// <summary>
    /// Called when a watched actor stops (unless <see cref="IActorContext.WatchWith"/> chose another message).
    /// By default throws <see cref="DeathPactException"/>, as Akka does for an unhandled <see cref="Terminated"/>.
    /// </summary>
    protected virtual void OnTerminated(Terminated terminated) => throw new DeathPactException(terminated.ActorRef);

    internal override void Invoke(object message)
    {
        if (message is TMessage typed)
        {
            var behaviour = _behaviours is { Count: > 0 } stack ? stack[^1] : _receive;
            behaviour(typed);
        }
        else if (message is Terminated terminated)
            OnTerminated(terminated);
        else
            Unhandled(message);
    }

    internal void Become(Action<TMessage> behaviour, bool discardOld)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        _behaviours ??= [];
        if (discardOld && _behaviours.Count > 0)
            _behaviours[^1] = behaviour;
        else
            _behaviours.Add(behaviour);
    }

    internal void Unbecome()
    {
        if (_behaviours is { Count: > 0 })
            _behaviours.RemoveAt(_behaviours.Count - 1);
    }
}

/// <summary>An actor that accepts any message (Akka's classic <c>UntypedActor</c>).</summary>
public abstract class UntypedActor : Actor<object>;
