namespace RelayActors.Runtime.Kernel;

/// <summary>
/// An actor that registers typed handlers in its constructor (Akka's <c>ReceiveActor</c>):
/// <c>Receive&lt;Ping&gt;(p => ...)</c>. The first matching handler wins; no match goes to <c>Unhandled</c>.
/// </summary>
public abstract class ReceiveActor<TProtocol> : Actor<TProtocol>
{
    private List<Func<TProtocol, bool>> _handlers = [];

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler) where T : TProtocol
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(m =>
        {
            if (m is not T t)
                return false;
            handler(t);
            return true;
        });
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="predicate"/> holds.</summary>
    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler) where T : TProtocol
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(m =>
        {
            if (m is not T t || !predicate(t))
                return false;
            handler(t);
            return true;
        });
    }

    /// <summary>Handles every message of the protocol not matched by an earlier handler.</summary>
    protected void ReceiveAny(Action<TProtocol> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(m =>
        {
            handler(m);
            return true;
        });
    }

    /// <summary>Replaces the handler table with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _handlers;
        _handlers = [];
        try
        {
            configure();
        }
        catch
        {
            _handlers = previous;
            throw;
        }
    }

    protected sealed override void Receive(TProtocol message)
    {
        var handlers = _handlers;
        for (var i = 0; i < handlers.Count; i++)
            if (handlers[i](message))
                return;
        Unhandled(message!);
    }
}

/// <summary>A <see cref="ReceiveActor{TProtocol}"/> that accepts any message type.</summary>
public abstract class ReceiveActor : ReceiveActor<object>;
