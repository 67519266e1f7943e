using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Tests.Support;

/// <summary>
/// Every worker's model and count after every step of a run, recorded the same way from the worker actors (as the
/// run's <see cref="IStepRecorder{T}"/>) and from <see cref="Lockstep"/>, so the two can be compared bit for bit.
/// </summary>
internal sealed class ModelRecorder : IStepRecorder<double>
{
    private readonly double[][][] _models;
    private readonly int[][] _counts;
    private readonly WorkerCounters[] _counters;
    private long _reports;

    public ModelRecorder(int workers, long steps)
    {
        _models = new double[steps][][];
        _counts = new int[steps][];
        for (var t = 0; t < steps; t++)
        {
            _models[t] = new double[workers][];
            _counts[t] = new int[workers];
        }
        _counters = new WorkerCounters[workers];
        Workers = workers;
    }

    public int Workers { get; }

    public int Steps => _models.Length;

    /// <summary>Models[t][i] = worker i's model after step t.</summary>
    public IReadOnlyList<double[][]> Models => _models;

    /// <summary>Counts[t][i] = worker i's count (RelaySum's C_i) after step t.</summary>
    public IReadOnlyList<int[]> Counts => _counts;

    /// <summary>Each worker's running totals as of its last report.</summary>
    public IReadOnlyList<WorkerCounters> Counters => _counters;

    public bool IsFinished => _reports == (long)Workers * Steps;

    /// <summary>Σ over workers of <paramref name="counter"/> in their last report.</summary>
    public long Total(Func<WorkerCounters, long> counter) => _counters.Sum(counter);

    /// <summary>Coordinate <paramref name="coordinate"/> of every worker's model after step <paramref name="step"/>.</summary>
    public double[] Coordinate(int step, int coordinate = 0) => _models[step].Select(m => m[coordinate]).ToArray();

    public void Record(StepCompleted<double> report)
    {
        var models = _models[report.Step];
        if (models[report.Worker] is not null)
            throw new InvalidOperationException($"Worker {report.Worker} reported step {report.Step} twice");
        models[report.Worker] = report.Model.ToArray();
        _counts[report.Step][report.Worker] = report.Count;
        _counters[report.Worker] = report.Counters;
        _reports++;
    }

    /// <summary>Runs <paramref name="nodes"/> on <see cref="Lockstep"/> (no network) and records every step.</summary>
    public static ModelRecorder FromLockstep(IReadOnlyList<IWorkerNode<double>> nodes, long steps, Lockstep.DropDecision? isDropped = null)
    {
        var recorder = new ModelRecorder(nodes.Count, steps);
        Lockstep.Run(nodes, steps, step =>
        {
            foreach (var node in nodes)
                recorder.Record(new StepCompleted<double>(node.Worker, step, node.Count, node.Model.ToArray(), default));
        }, isDropped);
        return recorder;
    }

    /// <summary>Runs <paramref name="nodes"/> as worker actors on the virtual clock over <paramref name="network"/> and records every step.</summary>
    public static ModelRecorder FromActors(IReadOnlyList<IWorkerNode<double>> nodes, long steps, NetworkSettings network, int seed = 0, PayloadPool<double>? payloads = null)
    {
        var recorder = new ModelRecorder(nodes.Count, steps);
        var run = new WorkerRun<double>(nodes, new WorkerOptions { Steps = steps }, network, seed, payloads);
        return run.Execute(recorder, _ => recorder, ClockKind.Virtual, TimeSpan.FromSeconds(10));
    }

    /// <summary>Asserts that <paramref name="actual"/> holds exactly the same doubles and counts, step by step and worker by worker.</summary>
    public void AssertIdentical(ModelRecorder actual)
    {
        Assert.Equal((Workers, Steps), (actual.Workers, actual.Steps));
        for (var t = 0; t < Steps; t++)
        {
            for (var i = 0; i < Workers; i++)
            {
                Assert.True(_models[t][i].AsSpan().SequenceEqual(actual._models[t][i]),
                    $"step {t}, worker {i}: expected [{string.Join(", ", _models[t][i])}], got [{string.Join(", ", actual._models[t][i])}]");
                Assert.True(_counts[t][i] == actual._counts[t][i], $"step {t}, worker {i}: count {_counts[t][i]} expected, got {actual._counts[t][i]}");
            }
        }
    }
}
