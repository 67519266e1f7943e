namespace RelayActors.Runtime.Kernel;

/// <summary>
/// Who this cell watches (and with which message) and who watches it. Touched only on the cell's own turn,
/// so no locks. Lists, not hash sets: they stay small and iterate in a deterministic order.
/// </summary>
internal sealed class DeathWatch
{
    private readonly List<(IInternalActorRef Subject, object? Message)> _watching = [];
    private readonly List<IInternalActorRef> _watchedBy = [];

    public bool IsWatching(IActorRef subject) => IndexOf(subject) >= 0;

    public void AddWatching(IInternalActorRef subject, object? message)
    {
        var i = IndexOf(subject);
        if (i >= 0)
            _watching[i] = (subject, message);
        else
            _watching.Add((subject, message));
    }

    /// <summary>Removes the subject; returns whether it was watched and the message to deliver (null: <see cref="Terminated"/>).</summary>
    public bool RemoveWatching(IActorRef subject, out object? message)
    {
        var i = IndexOf(subject);
        if (i < 0)
        {
            message = null;
            return false;
        }
        message = _watching[i].Message;
        _watching.RemoveAt(i);
        return true;
    }

    public void AddWatcher(IInternalActorRef watcher)
    {
        if (!_watchedBy.Contains(watcher))
            _watchedBy.Add(watcher);
    }

    public void RemoveWatcher(IInternalActorRef watcher) => _watchedBy.Remove(watcher);

    /// <summary>Tells every watcher that <paramref name="self"/> stopped, and every watched actor to forget us.</summary>
    public void NotifyTermination(IInternalActorRef self)
    {
        foreach (var watcher in _watchedBy)
            watcher.SendSystem(new DeathWatchNotification(self));
        _watchedBy.Clear();
        foreach (var (subject, _) in _watching)
            subject.SendSystem(new Unwatch(subject, self));
        _watching.Clear();
    }

    private int IndexOf(IActorRef subject)
    {
        for (var i = 0; i < _watching.Count; i++)
            if (_watching[i].Subject.Equals(subject))
                return i;
        return -1;
    }
}
