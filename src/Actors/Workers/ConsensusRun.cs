using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>
/// One consensus run on actors: a <see cref="ConsensusWorker"/> per graph node, wired to its neighbours through
/// delayed links, and a monitor that collects every round. After start-up nothing coordinates the rounds; the
/// workers pace each other. Single use: <see cref="Start"/> or <see cref="Execute"/> once.
/// </summary>
public sealed class ConsensusRun
{
    private readonly IConsensusNode[] _nodes;
    private int _started;

    /// <summary>Prepares the workers' state; fails here, before any actor exists, if the algorithm does not fit the graph.</summary>
    /// <exception cref="ArgumentException">RelaySum on a graph that is not a tree, or values that do not match the graph.</exception>
    public ConsensusRun(Graph graph, IReadOnlyList<float[]> values, ConsensusAlgorithm algorithm, int rounds, LinkModel link)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        ArgumentNullException.ThrowIfNull(link);
        _nodes = ConsensusNodes.CreateAll(algorithm, graph, values);
        Graph = graph;
        Algorithm = algorithm;
        Rounds = rounds;
        Link = link;
        ExactMean = ConsensusRound.ExactMean(values);
    }

    public Graph Graph { get; }

    public ConsensusAlgorithm Algorithm { get; }

    public int Rounds { get; }

    /// <summary>The model of every directed link.</summary>
    public LinkModel Link { get; }

    /// <summary>The exact mean of the starting values, per coordinate.</summary>
    public IReadOnlyList<double> ExactMean { get; }

    /// <summary>
    /// Spawns the monitor (<c>/user/monitor</c>) and the workers (<c>/user/worker-i</c>) in <paramref name="system"/>
    /// and starts round 0. The task completes when every worker has reported every round; on a virtual clock
    /// nothing happens until the caller drives the scheduler.
    /// </summary>
    public Task<ConsensusResult> Start(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("A ConsensusRun can be started only once; create a new one");
        var completion = new TaskCompletionSource<ConsensusResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = new ConsensusRecorder(Algorithm, _nodes.Length, Rounds, ExactMean);
        var startedAt = system.Scheduler.Now;
        var monitor = system.ActorOf(Props.Create(() => new ConsensusMonitor(recorder, startedAt, completion)), "monitor");

        var workers = new IActorRef<IConsensusMessage>[_nodes.Length];
        for (var i = 0; i < _nodes.Length; i++)
        {
            var node = _nodes[i];
            workers[i] = system.ActorOf(Props.Create(() => new ConsensusWorker(node, Rounds, monitor)), $"worker-{i}");
        }
        // Start only after every worker exists; a worker that starts early buffers messages of rounds it has not begun.
        for (var i = 0; i < _nodes.Length; i++)
        {
            var neighbours = _nodes[i].Neighbours;
            var links = new NeighbourLink[neighbours.Length];
            for (var k = 0; k < neighbours.Length; k++)
                links[k] = new NeighbourLink(neighbours[k], workers[neighbours[k]], Link);
            workers[i].Tell(new StartRounds(links));
        }
        return completion.Task;
    }

    /// <summary>
    /// Runs to completion in a fresh actor system named "consensus" and shuts it down. On the virtual clock the run
    /// is deterministic and takes no wall time; on the real clock it waits up to <paramref name="realTimeout"/>.
    /// Actor failures are logged through <paramref name="loggerFactory"/> (none when null).
    /// </summary>
    /// <exception cref="InvalidOperationException">The virtual run went idle before every round completed (a worker failed).</exception>
    /// <exception cref="TimeoutException">The real-clock run did not finish within <paramref name="realTimeout"/>.</exception>
    public ConsensusResult Execute(ClockKind clock, TimeSpan realTimeout, ILoggerFactory? loggerFactory = null)
    {
        var settings = clock == ClockKind.Virtual ? ActorSystemSettings.VirtualTime : ActorSystemSettings.Default;
        using var system = ActorSystem.Create("consensus", settings, loggerFactory);
        var result = Start(system);
        if (system.VirtualClock is { } scheduler)
        {
            var idleAt = scheduler.RunUntilIdle();
            if (!result.IsCompleted)
                throw new InvalidOperationException(
                    $"The {ConsensusAlgorithmNames.Format(Algorithm)} run went idle at virtual time {idleAt.TotalMilliseconds} ms before all {_nodes.Length} workers reported all {Rounds} rounds; a worker probably failed (see the log)");
        }
        else if (!result.Wait(realTimeout))
        {
            throw new TimeoutException($"The {ConsensusAlgorithmNames.Format(Algorithm)} run did not finish {Rounds} rounds on {_nodes.Length} workers within {realTimeout.TotalSeconds} s of real time");
        }
        return result.GetAwaiter().GetResult();
    }
}
