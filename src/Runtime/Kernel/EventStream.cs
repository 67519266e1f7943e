namespace RelayActors.Runtime.Kernel;

/// <summary>
/// System-wide publish/subscribe by message type (Akka's EventStream): dead letters, unhandled messages and
/// anything the application publishes. Subscribers receive every published event assignable to their channel type.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private (Type Channel, IActorRef Subscriber)[] _subscriptions = [];

    /// <summary>Delivers events assignable to <paramref name="channel"/> to <paramref name="subscriber"/>; false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach (var (c, s) in _subscriptions)
                if (c == channel && s.Equals(subscriber))
                    return false;
            _subscriptions = [.. _subscriptions, (channel, subscriber)];
            return true;
        }
    }

    /// <summary>Typed convenience: <c>Subscribe&lt;DeadLetter&gt;(probe.Ref)</c>.</summary>
    public bool Subscribe<TEvent>(IActorRef<TEvent> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Subscribe(subscriber.Untyped, typeof(TEvent));
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
            _subscriptions = Array.FindAll(_subscriptions, s => !s.Subscriber.Equals(subscriber));
    }

    /// <summary>Sends <paramref name="event"/> to every matching subscriber.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        var type = @event.GetType();
        foreach (var (channel, subscriber) in subscriptions)
            if (channel.IsAssignableFrom(type))
                subscriber.Tell(@event, null);
    }
}
