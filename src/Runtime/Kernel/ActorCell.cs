using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Supervision;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// The runtime side of one actor: creates and restarts the instance, runs its messages, supervises its
/// children, watches and is watched, and stops children-first. Every method except the spawn/stop entry points
/// runs on the actor's own turn (one thread at a time), so the cell's fields need no locks.
/// </summary>
internal sealed class ActorCell
{
    [ThreadStatic]
    private static ActorCell? t_constructing;

    [ThreadStatic]
    private static ActorCell? t_current;

    private readonly ActorCell? _parent;
    private readonly PropsShape _props;
    private readonly ChildrenContainer _children;
    private readonly DeathWatch _watch = new();
    private readonly List<IActorRef> _stopping = [];
    private ActorBase? _actor;
    private IActorRef? _sender;
    private object? _failedMessage;
    private Exception? _pendingRestartCause;
    private IInternalActorRef? _escalatedChild;
    private volatile CellState _state;

    private enum CellState
    {
        Created,
        Running,
        Terminating,
        Terminated,
    }

    public ActorCell(ActorSystem system, LocalActorRef self, ActorCell? parent, PropsShape props, Mailbox mailbox)
    {
        System = system;
        Self = self;
        _children = new ChildrenContainer(self.Path);
        _parent = parent;
        _props = props;
        Mailbox = mailbox;
        self.Cell = this;
        mailbox.Attach(this);
    }

    /// <summary>The cell whose actor is being constructed on this thread (read by the <see cref="ActorBase"/> constructor).</summary>
    internal static ActorCell? Constructing => t_constructing;

    /// <summary>The cell whose message is being processed on this thread; its Self is the implicit sender of Tell.</summary>
    internal static ActorCell? Current => t_current;

    public ActorSystem System { get; }

    public LocalActorRef Self { get; }

    public Mailbox Mailbox { get; }

    public bool IsTerminated => _state == CellState.Terminated;

    public IActorRef Sender => _sender ?? System.DeadLetters;

    /// <summary>The parent; the root's parent is itself.</summary>
    public IActorRef ParentRef => _parent?.Self ?? (IActorRef)Self;

    public IReadOnlyList<IActorRef> Children => _children.Snapshot;

    public IActorRef? Child(string name) => _children.Get(name);

    public LocalActorRef SpawnChild(PropsShape props, string? name)
    {
        if (_state >= CellState.Terminating)
            throw _parent is null || _parent._parent is null
                ? new ActorSystemTerminatedException($"Cannot create actor '{name}': actor system '{System.Name}' is shutting down")
                : new InvalidOperationException($"Cannot create child '{name}' of {Self.Path}: it is stopping");
        if (name is null)
            name = _children.NextAutoName();
        else
        {
            ActorPath.ValidateName(name);
            if (name.StartsWith('$'))
                throw new InvalidActorNameException($"Invalid actor name '{name}': names starting with '$' are reserved for generated names.");
        }
        var settings = props.Mailbox ?? System.Settings.DefaultMailbox;
        var mailbox = new Mailbox(settings, System.Dispatcher, props.Throughput ?? System.Settings.Throughput);
        var childRef = new LocalActorRef(Self.Path.Child(name), System.NextUid());
        _ = new ActorCell(System, childRef, this, props, mailbox);
        _children.Reserve(name, childRef);
        System.OnCellCreated();
        childRef.SendSystem(Create.Instance);
        return childRef;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(Self))
        {
            Self.SendSystem(Terminate.Instance);
            return;
        }
        if (_children.StatisticsOf(actor) is null)
            throw new InvalidOperationException($"{Self.Path} can stop only itself and its children; {actor.Path} is neither (tell it PoisonPill instead)");
        if (!_stopping.Contains(actor))
            _stopping.Add(actor);
        ((IInternalActorRef)actor).SendSystem(Terminate.Instance);
    }

    public IActorRef Watch(IActorRef subject, object? customMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(Self))
            return subject;
        if (subject is not IInternalActorRef target)
            throw new ArgumentException($"{subject.Path} is not a ref created by this runtime and cannot be watched", nameof(subject));
        if (!_watch.IsWatching(subject))
            target.SendSystem(new Watch(target, Self));
        _watch.AddWatching(target, customMessage);
        return subject;
    }

    public void Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watch.RemoveWatching(subject, out _) && subject is IInternalActorRef target)
            target.SendSystem(new Unwatch(target, Self));
    }

    public void Invoke(in Envelope envelope)
    {
        t_current = this;
        _sender = envelope.Sender;
        try
        {
            switch (envelope.Message)
            {
                case TerminatedDelivery delivery:
                    DeliverTerminated(delivery.Actor);
                    break;
                case PoisonPill:
                    Self.SendSystem(Terminate.Instance);
                    break;
                case Kill:
                    throw new ActorKilledException($"{Self.Path} received Kill");
                default:
                    _actor!.Invoke(envelope.Message);
                    break;
            }
        }
        catch (Exception ex)
        {
            HandleFailure(ex, envelope.Message);
        }
        finally
        {
            _sender = null;
            t_current = null;
        }
    }

    public void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                CreateInstance();
                break;
            case Terminate:
                BeginTerminate();
                break;
            case Watch w when w.Watchee.Equals(Self):
                _watch.AddWatcher(w.Watcher);
                break;
            case Unwatch u when u.Watchee.Equals(Self):
                _watch.RemoveWatcher(u.Watcher);
                break;
            case DeathWatchNotification n:
                // Goes through the user mailbox (as in Akka) so it follows every message the dead actor sent us.
                if (_watch.IsWatching(n.Actor))
                    Mailbox.Post(new Envelope(new TerminatedDelivery(n.Actor), n.Actor));
                break;
            case Failed f:
                HandleChildFailure(f);
                break;
            case Resume:
                _failedMessage = null;
                Mailbox.Resume();
                _escalatedChild?.SendSystem(Resume.Instance);
                _escalatedChild = null;
                break;
            case Recreate r:
                BeginRestart(r.Cause);
                break;
            case ChildTerminated c:
                HandleChildTerminated(c.Child);
                break;
        }
    }

    /// <summary>System messages that reach a stopped cell: late watchers learn of the death at once.</summary>
    public void HandleSystemMessageAfterTermination(SystemMessage message)
    {
        if (message is Watch w && w.Watchee.Equals(Self))
            w.Watcher.SendSystem(new DeathWatchNotification(Self));
    }

    public void DeadLetter(in Envelope envelope, string reason)
    {
        if (envelope.Message is TerminatedDelivery)
            return; // internal: the watcher is gone too
        System.DeadLetterOffice.Publish(new DeadLetter(envelope.Message, envelope.Sender, Self, reason));
    }

    public void PublishUnhandled(object message)
    {
        RuntimeLog.UnhandledMessage(System.Log, Self.Path, message.GetType().Name);
        System.EventStream.Publish(new UnhandledMessage(message, _sender, Self));
    }

    private void DeliverTerminated(IInternalActorRef actor)
    {
        if (_watch.RemoveWatching(actor, out var custom))
            _actor!.Invoke(custom ?? new Terminated(actor));
    }

    private void CreateInstance()
    {
        try
        {
            _actor = NewInstance();
            t_current = this;
            _actor.RunPreStart();
            _state = CellState.Running;
        }
        catch (Exception ex)
        {
            HandleFailure(ex is ActorInitializationException ? ex : new ActorInitializationException(Self, ex), message: null);
        }
        finally
        {
            t_current = null;
        }
    }

    private ActorBase NewInstance()
    {
        t_constructing = this;
        t_current = this;
        try
        {
            return _props.NewActor();
        }
        finally
        {
            t_constructing = null;
            t_current = null;
        }
    }

    private void HandleFailure(Exception cause, object? message)
    {
        if (_state >= CellState.Terminating)
        {
            RuntimeLog.FailureWhileStopping(System.Log, cause, Self.Path, message?.GetType().Name ?? "(none)");
            return;
        }
        Mailbox.Suspend();
        _failedMessage = message;
        if (_parent is null)
        {
            RuntimeLog.ActorFailed(System.Log, cause, Self.Path, message?.GetType().Name ?? "(none)", Directive.Stop);
            System.OnFailure(new ActorFailure(Self, cause, message?.GetType().Name ?? "(none)", Directive.Stop));
            BeginTerminate();
            return;
        }
        _parent.Self.SendSystem(new Failed(Self, cause, message?.GetType()));
    }

    private void HandleChildFailure(Failed failed)
    {
        var statistics = _children.StatisticsOf(failed.Child);
        if (statistics is null || _state >= CellState.Terminating)
            return; // a child we already stopped or are stopping
        var strategy = _actor?.RunSupervisorStrategy() ?? _props.SupervisorStrategy ?? System.GuardianStrategyFor(this);
        Directive directive;
        try
        {
            directive = strategy.Decide(failed.Cause);
        }
        catch (Exception ex)
        {
            RuntimeLog.DeciderFailed(System.Log, ex, Self.Path);
            directive = Directive.Escalate;
        }
        var budgetExhausted = directive == Directive.Restart && !strategy.RequestRestartPermission(statistics, System.Scheduler.Now);
        if (budgetExhausted)
            directive = Directive.Stop;
        var messageType = failed.MessageType?.Name ?? "(initialisation)";
        RuntimeLog.ActorFailed(System.Log, failed.Cause, failed.Child.Path, messageType, directive);
        System.OnFailure(new ActorFailure(failed.Child, failed.Cause, messageType, directive));
        if (budgetExhausted)
            RuntimeLog.RestartBudgetExhausted(System.Log, failed.Child.Path);
        switch (directive)
        {
            case Directive.Resume:
                failed.Child.SendSystem(Resume.Instance);
                break;
            case Directive.Restart:
                failed.Child.SendSystem(new Recreate(failed.Cause));
                break;
            case Directive.Stop:
                Stop(failed.Child);
                break;
            case Directive.Escalate:
                _escalatedChild = failed.Child;
                HandleFailure(failed.Cause, _failedMessage);
                break;
        }
    }

    private void BeginRestart(Exception cause)
    {
        if (_state >= CellState.Terminating)
            return;
        var failed = _actor;
        if (failed is not null)
        {
            t_current = this;
            try
            {
                failed.RunPreRestart(cause, _failedMessage);
            }
            catch (Exception ex)
            {
                RuntimeLog.HookFailed(System.Log, ex, Self.Path, "PreRestart");
            }
            finally
            {
                t_current = null;
            }
        }
        _actor = null;
        _pendingRestartCause = cause;
        if (_stopping.Count == 0)
            FinishRestart();
    }

    private void FinishRestart()
    {
        var cause = _pendingRestartCause!;
        _pendingRestartCause = null;
        _failedMessage = null;
        try
        {
            _actor = NewInstance();
            t_current = this;
            _actor.RunPostRestart(cause);
            _state = CellState.Running;
        }
        catch (Exception ex)
        {
            t_current = null;
            HandleFailure(new ActorInitializationException(Self, ex), message: null);
            return;
        }
        t_current = null;
        Mailbox.Resume();
    }

    private void BeginTerminate()
    {
        if (_state >= CellState.Terminating)
            return;
        _state = CellState.Terminating;
        Mailbox.Suspend();
        foreach (var child in _children.Snapshot)
        {
            if (!_stopping.Contains(child))
                _stopping.Add(child);
            ((IInternalActorRef)child).SendSystem(Terminate.Instance);
        }
        if (_children.Count == 0)
            FinishTerminate();
    }

    private void HandleChildTerminated(IInternalActorRef child)
    {
        _children.Remove(child);
        _stopping.Remove(child);
        if (_escalatedChild?.Equals(child) == true)
            _escalatedChild = null;
        _actor?.OnChildTerminated(child);
        if (_state == CellState.Terminating)
        {
            if (_children.Count == 0)
                FinishTerminate();
        }
        else if (_pendingRestartCause is not null && _stopping.Count == 0)
            FinishRestart();
    }

    private void FinishTerminate()
    {
        if (_actor is not null)
        {
            t_current = this;
            try
            {
                _actor.RunPostStop();
            }
            catch (Exception ex)
            {
                RuntimeLog.HookFailed(System.Log, ex, Self.Path, "PostStop");
            }
            finally
            {
                t_current = null;
            }
        }
        _actor = null;
        _state = CellState.Terminated;
        _watch.NotifyTermination(Self);
        Mailbox.CloseAndDrain();
        if (_parent is not null)
            _parent.Self.SendSystem(new ChildTerminated(Self));
        System.OnCellTerminated(this);
    }
}

/// <summary>A watched actor's death, queued in the watcher's mailbox and delivered only if still watched.</summary>
internal sealed record TerminatedDelivery(IInternalActorRef Actor);
