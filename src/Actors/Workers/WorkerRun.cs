using System.Numerics;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>
/// One run of worker actors: a <see cref="WorkerActor{T}"/> per node and a monitor that feeds the reports to a
/// recorder. After start-up nothing coordinates the steps; the workers pace each other through their messages.
/// Single use: <see cref="Start"/> or <see cref="Execute"/> once.
/// </summary>
public sealed class WorkerRun<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IWorkerNode<T>[] _nodes;
    private readonly PayloadPool<T>? _payloads;
    private int _started;

    /// <summary>A run of <paramref name="nodes"/> (one per worker, indexed by worker id); each directed link draws from a random source derived from <paramref name="seed"/>.</summary>
    /// <remarks>
    /// With <paramref name="payloads"/>, workers rent outgoing payload arrays from the pool and hand accepted ones back
    /// (see <see cref="PayloadPool{T}"/>); without, every message gets a fresh array.
    /// </remarks>
    public WorkerRun(IReadOnlyList<IWorkerNode<T>> nodes, WorkerOptions options, NetworkSettings network, int seed, PayloadPool<T>? payloads = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(network);
        if (options.FirstStep >= options.Steps)
            throw new ArgumentException($"The run would start at step {options.FirstStep} and end before step {options.Steps}; nothing to run", nameof(options));
        if (nodes.Count == 0)
            throw new ArgumentException("A run needs at least one worker", nameof(nodes));
        for (var i = 0; i < nodes.Count; i++)
            if (nodes[i].Worker != i)
                throw new ArgumentException($"nodes[{i}] is worker {nodes[i].Worker}; nodes must be indexed by worker id", nameof(nodes));
        _nodes = [.. nodes];
        _payloads = payloads;
        Options = options;
        Network = network;
        Seed = seed;
    }

    public WorkerOptions Options { get; }

    public NetworkSettings Network { get; }

    public int Seed { get; }

    public int Workers => _nodes.Length;

    /// <summary>
    /// Spawns the monitor (<c>/user/monitor</c>) and the workers (<c>/user/worker-i</c>) in <paramref name="system"/>
    /// and starts step 0. When <paramref name="recorder"/> is finished the task completes with
    /// <paramref name="toResult"/>(the run's duration on the system clock), on the monitor's turn; on a virtual clock
    /// nothing happens until the caller drives the scheduler.
    /// </summary>
    public Task<TResult> Start<TResult>(ActorSystem system, IStepRecorder<T> recorder, Func<TimeSpan, TResult> toResult)
    {
        var all = new int[_nodes.Length];
        for (var i = 0; i < all.Length; i++)
            all[i] = i;
        var part = Prepare(system, recorder, toResult, all, _ => throw new InvalidOperationException("Every worker of a single-system run is local"), "");
        part.Begin();
        return part.Completion;
    }

    /// <summary>
    /// The part of a run spread over several systems that lives in <paramref name="system"/>: spawns the monitor
    /// (<c>/user/{prefix}monitor</c>) and the workers in <paramref name="local"/> (<c>/user/{prefix}worker-i</c>); the refs of
    /// the other workers come from <paramref name="remote"/> (location-transparent refs to the same names elsewhere).
    /// Nothing is sent until <see cref="RunPart{TResult}.Begin"/>, so every system can spawn its workers before the first
    /// message leaves. The recorder sees the local workers' reports only.
    /// </summary>
    public RunPart<TResult> Prepare<TResult>(ActorSystem system, IStepRecorder<T> recorder, Func<TimeSpan, TResult> toResult,
        IReadOnlyList<int> local, Func<int, IActorRef<IWorkerMessage>> remote, string prefix)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(toResult);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("A WorkerRun can be started only once; create a new one");
        var completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedAt = system.Scheduler.Now;
        var monitor = system.ActorOf(Props.Create(() => new StepMonitor<T, TResult>(recorder, toResult, startedAt, completion)), $"{prefix}monitor");
        var workers = new IActorRef<IWorkerMessage>?[_nodes.Length];
        var spawned = new List<IActorRef<IWorkerMessage>>(local.Count);
        foreach (var i in local)
        {
            if ((uint)i >= (uint)_nodes.Length || workers[i] is not null)
                throw new ArgumentException($"Local worker {i} is outside 0..{_nodes.Length - 1} or listed twice", nameof(local));
            var node = _nodes[i];
            var options = Options;
            var payloads = _payloads;
            workers[i] = system.ActorOf(Props.Create(() => new WorkerActor<T>(node, options, monitor, payloads)), $"{prefix}worker-{i}");
            spawned.Add(workers[i]!);
        }
        for (var i = 0; i < workers.Length; i++)
            workers[i] ??= remote(i);
        var start = new StartWorker(workers!, Network, Seed);
        return new RunPart<TResult>(spawned, monitor.Untyped, start, completion.Task);
    }

    /// <summary>
    /// Runs until <paramref name="recorder"/> is finished in a fresh actor system named <paramref name="systemName"/>,
    /// then shuts it down. On the virtual clock the run is deterministic and takes no wall time; on the real clock it
    /// waits up to <paramref name="realTimeout"/>. Actor failures are logged through <paramref name="loggerFactory"/>.
    /// Returns <paramref name="toResult"/>(how long the run took on the system's clock: virtual time on the virtual clock).
    /// </summary>
    /// <exception cref="InvalidOperationException">The virtual run went idle before the recorder finished (a worker failed).</exception>
    /// <exception cref="TimeoutException">The real-clock run did not finish within <paramref name="realTimeout"/>.</exception>
    public TResult Execute<TResult>(IStepRecorder<T> recorder, Func<TimeSpan, TResult> toResult, ClockKind clock, TimeSpan realTimeout, ILoggerFactory? loggerFactory = null, string systemName = "run")
    {
        var settings = clock == ClockKind.Virtual ? ActorSystemSettings.VirtualTime : ActorSystemSettings.Default;
        using var system = ActorSystem.Create(systemName, settings, loggerFactory);
        var done = Start(system, recorder, toResult);
        if (system.VirtualClock is { } scheduler)
        {
            if (!scheduler.RunUntil(() => done.IsCompleted))
                throw new InvalidOperationException(
                    $"The run of {_nodes.Length} workers went idle at virtual time {scheduler.Now.TotalMilliseconds} ms before it finished; a worker probably failed (see the log)");
        }
        else if (!((IAsyncResult)done).AsyncWaitHandle.WaitOne(realTimeout))
        {
            throw new TimeoutException($"The run of {_nodes.Length} workers did not finish {Options.Steps} steps within {realTimeout.TotalSeconds} s of real time");
        }
        return done.GetAwaiter().GetResult();
    }
}
