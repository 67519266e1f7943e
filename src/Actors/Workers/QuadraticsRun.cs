using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Models.Numerics;
using RelayActors.Models.Tasks;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>
/// One algorithm on the random quadratics (spec §4.2) through the worker actors: every worker starts at x = 0, runs
/// SGD on its own f_i and communicates as its algorithm says; the monitor tracks f(x̄) − f* per step.
/// </summary>
public static class QuadraticsRun
{
    /// <summary>The nodes of the run, as the actors and the lock-step oracle use them.</summary>
    public static IWorkerNode<double>[] CreateNodes(RandomQuadratics problem, RelayTopology topology, QuadraticsRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(settings);
        if (topology.Workers != problem.Workers)
            throw new ArgumentException($"The topology has {topology.Workers} workers, the problem {problem.Workers}", nameof(topology));
        var initial = new double[problem.Dimension];
        var options = new AlgorithmOptions { Fill = settings.Fill, Choco = settings.Choco, Seed = settings.Seed };
        return AlgorithmNodes.Create(settings.Algorithm, topology, i => LocalStep<double>.Sgd(Objective(problem, i, settings.Seed), settings.LearningRate, settings.LocalSteps), initial, options);
    }

    /// <summary>
    /// Runs to completion in a fresh actor system; deterministic on the virtual clock. <paramref name="onStep"/> sees
    /// every completed step on the monitor's turn (progress reports; keep it short).
    /// </summary>
    public static QuadraticsResult Execute(
        RandomQuadratics problem,
        RelayTopology topology,
        QuadraticsRunSettings settings,
        NetworkSettings network,
        ClockKind clock = ClockKind.Virtual,
        TimeSpan? realTimeout = null,
        ILoggerFactory? loggerFactory = null,
        Action<QuadraticsStep>? onStep = null)
    {
        var nodes = CreateNodes(problem, topology, settings);
        var options = new WorkerOptions { Steps = settings.Rounds };
        var run = new WorkerRun<double>(nodes, options, network, settings.Seed);
        var recorder = NewRecorder(problem, settings, onStep);
        return run.Execute(recorder, recorder.ToResult, clock, realTimeout ?? TimeSpan.FromMinutes(10), loggerFactory, "quadratics");
    }

    /// <summary>The same run on <see cref="Lockstep"/> with no network: the oracle the actor run must match exactly.</summary>
    public static QuadraticsResult ExecuteLockstep(RandomQuadratics problem, RelayTopology topology, QuadraticsRunSettings settings)
    {
        var nodes = CreateNodes(problem, topology, settings);
        var recorder = NewRecorder(problem, settings);
        Lockstep.Run(nodes, settings.Rounds, step =>
        {
            foreach (var node in nodes)
                recorder.Record(new StepCompleted<double>(node.Worker, step, node.Count, node.Model.ToArray(), default));
        }, stop: () => recorder.IsFinished);
        return recorder.ToResult(TimeSpan.Zero);
    }

    private static QuadraticsRecorder NewRecorder(RandomQuadratics problem, QuadraticsRunSettings settings, Action<QuadraticsStep>? onStep = null) =>
        new(problem, settings.Algorithm, settings.LearningRate, settings.Rounds, settings.Target, settings.StopAtTarget, settings.Trace, new double[problem.Dimension], onStep, settings.LocalSteps);

    private static QuadraticObjective Objective(RandomQuadratics problem, int worker, int seed) =>
        new(problem, worker, problem.Settings.Noise > 0 ? new NormalSampler(new Random(unchecked((seed * 1_000_003) + (7919 * (worker + 1))))) : null);
}
