using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RelayActors.Runtime.Scheduling;
using RelayActors.Runtime.Supervision;
using CreateMessage = RelayActors.Runtime.Kernel.Create;
using TerminateMessage = RelayActors.Runtime.Kernel.Terminate;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// A named hierarchy of actors with its scheduler, dead letters and event stream (Akka's <c>ActorSystem</c>).
/// Top-level actors live under <c>/user</c>. Dispose to shut down: actors stop children-first, queued messages
/// become dead letters, timers are cancelled.
/// </summary>
public sealed class ActorSystem : IDisposable, IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DeterministicDispatcher? _deterministic;
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private long _uid;
    private long _liveCells;
    private long _probeCounter;
    private long _failures;
    private int _terminating;

    private ActorSystem(string name, ActorSystemSettings settings, ILoggerFactory loggerFactory)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = loggerFactory;
        Log = loggerFactory.CreateLogger("RelayActors.Runtime");
        Address = new Address(name);
        if (settings.Clock == ClockKind.Virtual)
        {
            _deterministic = new DeterministicDispatcher();
            var virtualScheduler = new VirtualTimeScheduler();
            virtualScheduler.Attach(_deterministic);
            Dispatcher = _deterministic;
            Scheduler = virtualScheduler;
        }
        else
        {
            Dispatcher = ThreadPoolDispatcher.Instance;
            Scheduler = new RealTimeScheduler(settings.TimeProvider, Log, name);
        }
        EventStream = new EventStream();
        var rootPath = ActorPath.Root(Address);
        DeadLetterOffice = new DeadLetterOffice(this, settings.DeadLetterLogLimit, settings.DeadLetterLogWindow);
        DeadLetters = new DeadLetterActorRef(rootPath.Child("deadLetters"), DeadLetterOffice);

        var rootRef = new LocalActorRef(rootPath, NextUid());
        _root = new ActorCell(this, rootRef, null, new PropsShape(() => new RootGuardian(), null, SupervisorStrategy.StoppingStrategy, null),
            new Mailbox(MailboxSettings.Unbounded, Dispatcher, settings.Throughput));
        OnCellCreated();
        rootRef.SendSystem(CreateMessage.Instance);
        _userGuardian = _root.SpawnChild(new PropsShape(() => new GuardianActor(), null, settings.GuardianSupervisorStrategy, null), "user").Cell;
        _systemGuardian = _root.SpawnChild(new PropsShape(() => new GuardianActor(), null, SupervisorStrategy.Default, null), "system").Cell;
    }

    /// <summary>Creates a system. <paramref name="name"/> may use letters, digits, '-' and '_'.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ActorPath.IsValidSystemName(name))
            throw new ArgumentException($"Invalid actor system name '{name}': use a non-empty name of letters, digits, '-' and '_'", nameof(name));
        settings ??= ActorSystemSettings.Default;
        settings.Validate();
        return new ActorSystem(name, settings, loggerFactory ?? NullLoggerFactory.Instance);
    }

    public string Name { get; }

    public Address Address { get; }

    public ActorSystemSettings Settings { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The system's scheduler; a <see cref="VirtualTimeScheduler"/> when <see cref="ClockKind.Virtual"/>.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>Messages told to this ref are recorded as dead letters.</summary>
    public IActorRef DeadLetters { get; }

    public EventStream EventStream { get; }

    /// <summary>Dead letters recorded since start.</summary>
    public long DeadLetterCount => DeadLetterOffice.Count;

    /// <summary>Failures handled by supervisors since start (each is also published as <see cref="ActorFailure"/>).</summary>
    public long FailureCount => Interlocked.Read(ref _failures);

    /// <summary>The virtual clock to drive, or null on a real-clock system.</summary>
    public VirtualTimeScheduler? VirtualClock => Scheduler as VirtualTimeScheduler;

    /// <summary>Completes when every actor has stopped and the scheduler is shut down.</summary>
    public Task WhenTerminated => _terminated.Task;

    public bool IsTerminated => _terminated.Task.IsCompleted;

    /// <summary>Actors (including guardians) that have been created and not yet fully stopped.</summary>
    public long LiveActorCount => Interlocked.Read(ref _liveCells);

    internal ILogger Log { get; }

    internal Dispatcher Dispatcher { get; }

    internal DeadLetterOffice DeadLetterOffice { get; }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef<TMessage> ActorOf<TMessage>(Props<TMessage> props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        ThrowIfTerminating(name);
        return _userGuardian.SpawnChild(props.Shape, name).As<TMessage>();
    }

    /// <summary>Creates an actor under <c>/system</c> (infrastructure: probes, monitors); it outlives the <c>/user</c> actors at shutdown.</summary>
    public IActorRef<TMessage> SystemActorOf<TMessage>(Props<TMessage> props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        ThrowIfTerminating(name);
        return _systemGuardian.SpawnChild(props.Shape, name).As<TMessage>();
    }

    /// <summary>
    /// The live actor at <paramref name="path"/>'s elements (walking the guardians' children), or null when there is
    /// none or the path names another system. Ignores host and port: the caller decides whether the address is ours.
    /// Thread-safe.
    /// </summary>
    public IActorRef? ResolveLocal(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!string.Equals(path.Address.System, Name, StringComparison.Ordinal))
            return null;
        var cell = _root;
        foreach (var element in path.Elements)
        {
            if (cell.Child(element) is not LocalActorRef child)
                return null;
            cell = child.Cell;
        }
        return cell.IsTerminated ? null : cell.Self;
    }

    /// <summary>Stops <paramref name="actor"/> after its current message (children first). Stopping a stopped actor does nothing.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not IInternalActorRef target || !ReferenceEquals(target.System, this))
            throw new ArgumentException($"{actor.Path} does not belong to actor system '{Name}'", nameof(actor));
        target.SendSystem(TerminateMessage.Instance);
    }

    /// <inheritdoc cref="Stop(IActorRef)"/>
    public void Stop<TMessage>(IActorRef<TMessage> actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Stop(actor.Untyped);
    }

    /// <summary>
    /// Starts shutdown: <c>/user</c> actors stop children-first, then <c>/system</c> ones; each actor's queued
    /// messages become dead letters; then the scheduler stops. On a virtual clock this runs to completion before
    /// returning. Idempotent.
    /// </summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
            _userGuardian.Self.SendSystem(TerminateMessage.Instance);
        if (_deterministic is not null && !IsTerminated)
        {
            _deterministic.RunReady();
            if (!IsTerminated)
                throw new InvalidOperationException($"Actor system '{Name}' could not finish stopping on its virtual clock: {LiveActorCount} actors are still alive (is a handler blocking?)");
        }
        return WhenTerminated;
    }

    /// <summary>Terminates and waits up to <see cref="ActorSystemSettings.ShutdownTimeout"/>.</summary>
    public void Dispose()
    {
        var done = Terminate();
        if (!done.Wait(Settings.ShutdownTimeout))
            RuntimeLog.ShutdownTimedOut(Log, Name, Settings.ShutdownTimeout, LiveActorCount);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Terminate().WaitAsync(Settings.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            RuntimeLog.ShutdownTimedOut(Log, Name, Settings.ShutdownTimeout, LiveActorCount);
        }
    }

    public override string ToString() => $"ActorSystem[{Name}]";

    internal long NextUid() => Interlocked.Increment(ref _uid);

    internal long NextProbeNumber() => Interlocked.Increment(ref _probeCounter);

    internal void OnFailure(ActorFailure failure)
    {
        Interlocked.Increment(ref _failures);
        EventStream.Publish(failure);
    }

    internal void OnCellCreated() => Interlocked.Increment(ref _liveCells);

    internal void OnCellTerminated(ActorCell cell)
    {
        Interlocked.Decrement(ref _liveCells);
        if (!ReferenceEquals(cell, _root))
            return;
        switch (Scheduler)
        {
            case RealTimeScheduler real:
                real.Dispose();
                break;
            case VirtualTimeScheduler virtualTime:
                virtualTime.CancelAll();
                break;
        }
        _terminated.TrySetResult();
    }

    /// <summary>The strategy a cell uses when neither its actor nor its Props choose one.</summary>
    internal SupervisorStrategy GuardianStrategyFor(ActorCell cell) =>
        ReferenceEquals(cell, _userGuardian) ? Settings.GuardianSupervisorStrategy
        : ReferenceEquals(cell, _root) ? SupervisorStrategy.StoppingStrategy
        : SupervisorStrategy.Default;

    private void ThrowIfTerminating(string? name)
    {
        if (Volatile.Read(ref _terminating) != 0)
            throw new ActorSystemTerminatedException($"Cannot create actor '{name ?? "(anonymous)"}': actor system '{Name}' is shutting down");
    }
}
