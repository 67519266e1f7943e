using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>
/// One consensus run on actors: averaging of fixed values by RelaySum or gossip, one <see cref="WorkerActor{T}"/>
/// per graph node (one step = one averaging round), wired through the network's delayed links. Single use.
/// </summary>
public sealed class ConsensusRun
{
    private readonly WorkerRun<float> _run;

    /// <summary>Prepares the workers' state; fails here, before any actor exists, if the algorithm does not fit the graph.</summary>
    /// <exception cref="ArgumentException">RelaySum on a graph that is not a tree, or values that do not match the graph.</exception>
    public ConsensusRun(Graph graph, IReadOnlyList<float[]> values, ConsensusAlgorithm algorithm, int rounds, NetworkSettings network, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        ArgumentNullException.ThrowIfNull(network);
        var nodes = ConsensusNodes.CreateAll(algorithm, graph, values);
        _run = new WorkerRun<float>(nodes, new WorkerOptions { Steps = rounds }, network, seed);
        Graph = graph;
        Algorithm = algorithm;
        Rounds = rounds;
        ExactMean = ConsensusRound.ExactMean(values);
    }

    /// <summary>A run in which every directed link behaves as <paramref name="link"/>.</summary>
    public ConsensusRun(Graph graph, IReadOnlyList<float[]> values, ConsensusAlgorithm algorithm, int rounds, LinkModel link)
        : this(graph, values, algorithm, rounds, new NetworkSettings { Link = link })
    {
    }

    public Graph Graph { get; }

    public ConsensusAlgorithm Algorithm { get; }

    public int Rounds { get; }

    /// <summary>The links between the workers.</summary>
    public NetworkSettings Network => _run.Network;

    /// <summary>The exact mean of the starting values, per coordinate.</summary>
    public IReadOnlyList<double> ExactMean { get; }

    /// <summary>
    /// Spawns the monitor and the workers in <paramref name="system"/> and starts round 0; the task completes when
    /// every worker has reported every round. On a virtual clock nothing happens until the caller drives the scheduler.
    /// </summary>
    public Task<ConsensusResult> Start(ActorSystem system)
    {
        var recorder = NewRecorder();
        return _run.Start(system, recorder, recorder.ToResult);
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
        var recorder = NewRecorder();
        return _run.Execute(recorder, recorder.ToResult, clock, realTimeout, loggerFactory, "consensus");
    }

    private ConsensusRecorder NewRecorder() => new(Algorithm, Graph.NodeCount, Rounds, ExactMean);
}
