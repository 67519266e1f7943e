using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Models.Data;
using RelayActors.Models.Networks;
using RelayActors.Models.Numerics;
using RelayActors.Models.Tasks;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Training;

/// <summary>
/// Decentralized training of one network by one worker actor per worker: each worker holds a shard of the training
/// set (Dirichlet or uniform split), computes its mini-batch gradient, steps its own optimizer and communicates as
/// its algorithm says. The run advances in segments between evaluations; between segments the actors are gone and
/// every worker's state lives in its node, so evaluation reads the models directly and a checkpoint captures all of
/// it (see <see cref="TrainingCheckpoint"/>).
/// </summary>
public sealed class TrainingRun
{
    private readonly IWorkerNode<float>[] _nodes;
    private readonly ClassificationObjective[] _objectives;
    private readonly ModelEvaluator _evaluator;
    private readonly Stopwatch _clock = new();
    private readonly double?[] _reportedLoss;
    private TimeSpan _elapsedBefore;

    /// <summary>Builds the split, the initial model (the same on every worker) and the nodes; nothing runs yet.</summary>
    /// <exception cref="ArgumentException">The settings are invalid, the algorithm cannot run on the topology, or a worker's shard is smaller than a batch.</exception>
    public TrainingRun(TrainingSettings settings, RelayTopology topology, Dataset train, Dataset test, NetworkSettings network)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(network);
        settings.Validate();
        network.Validate();
        if (train.Classes != test.Classes || train.Shape != test.Shape)
            throw new ArgumentException($"Train ({train.Shape}, {train.Classes} classes) and test ({test.Shape}, {test.Classes} classes) sets differ in shape", nameof(test));
        Settings = settings;
        Topology = topology;
        Network = network;
        var workers = topology.Workers;
        Shards = settings.Split == SplitKind.Dirichlet
            ? DataSplit.Dirichlet(train.Labels, train.Classes, workers, settings.Alpha, settings.Seed)
            : DataSplit.Uniform(train.Count, workers, settings.Seed);
        Model = Models.Networks.Network.Create(settings.Model, train.Shape, train.Classes);
        var initial = new float[Model.ParameterCount];
        Model.Initialize(initial, settings.Seed);
        _objectives = new ClassificationObjective[workers];
        _reportedLoss = new double?[workers];
        for (var i = 0; i < workers; i++)
        {
            if (Shards[i].Length < settings.BatchSize)
                throw new ArgumentException($"Worker {i} holds {Shards[i].Length} training samples, fewer than a batch of {settings.BatchSize}; use fewer workers or a smaller batch", nameof(settings));
            _objectives[i] = new ClassificationObjective(Model, new WorkerBatches(train, Shards[i], settings.BatchSize, settings.Seed, i, settings.Augmentation), settings.Seed, i);
        }
        StepsPerEpoch = _objectives.Min(o => o.StepsPerEpoch);
        var schedule = new Models.Optim.LearningRateSchedule(settings.Optimizer.LearningRate, StepsPerEpoch, settings.WarmupEpochs, [.. settings.DecayEpochs], settings.DecayFactor);
        _nodes = AlgorithmNodes.Create<float>(settings.Algorithm, topology,
            i => new LocalStep<float>(_objectives[i], settings.Optimizer.Create<float>(Model.ParameterCount), schedule, settings.LocalSteps), initial,
            new AlgorithmOptions { Fill = settings.Fill, Choco = settings.Choco, Seed = settings.Seed });
        var evaluation = settings.EvaluationSamples > 0 && settings.EvaluationSamples < test.Count ? test.Take(settings.EvaluationSamples) : test;
        _evaluator = new ModelEvaluator(Model, evaluation, Environment.ProcessorCount);
    }

    public TrainingSettings Settings { get; }

    public RelayTopology Topology { get; }

    public NetworkSettings Network { get; }

    /// <summary>The network every worker trains.</summary>
    public Models.Networks.Network Model { get; }

    /// <summary>Each worker's training sample indices.</summary>
    public IReadOnlyList<int[]> Shards { get; }

    /// <summary>Steps per epoch: a pass over the smallest shard (the reference's ⌊shard / batch⌋).</summary>
    public int StepsPerEpoch { get; }

    public int Workers => _nodes.Length;

    /// <summary>Gradient steps every worker has completed (a multiple of the local steps H).</summary>
    public long CompletedSteps { get; private set; }

    /// <summary>Messages and bytes all workers sent since the run began.</summary>
    public long Messages { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Wall time spent in <c>RunTo</c> and <see cref="Evaluate"/>, including before a resume.</summary>
    public TimeSpan Elapsed => _elapsedBefore + _clock.Elapsed;

    /// <summary>Worker <paramref name="worker"/>'s current model.</summary>
    public ReadOnlySpan<float> ModelOf(int worker) => _nodes[worker].Model;

    /// <summary>
    /// Runs the worker actors from <see cref="CompletedSteps"/> to <paramref name="endStep"/> in a fresh actor system.
    /// On the real clock the workers compute in parallel on the thread pool; on the virtual clock they run one at a
    /// time and deterministically. Without message drops both give the same numbers, since every node sums its
    /// channels in a fixed order. <paramref name="onStep"/> sees each step once all workers finished it. Steps are
    /// gradient steps; with H local steps the workers run node steps CompletedSteps/H … endStep/H − 1, and
    /// <paramref name="onStep"/> sees the last gradient step of each.
    /// </summary>
    public void RunTo(long endStep, ClockKind clock, Action<long>? onStep = null, ILoggerFactory? loggerFactory = null) =>
        RunTo(endStep, new LocalSegments(clock, loggerFactory), onStep);

    /// <summary>Like <see cref="RunTo(long, ClockKind, Action{long}?, ILoggerFactory?)"/>, with the segment run by <paramref name="executor"/> (this process or a cluster).</summary>
    public void RunTo(long endStep, ISegmentExecutor executor, Action<long>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        var h = Settings.LocalSteps;
        if (endStep <= CompletedSteps || endStep > Settings.Steps || endStep % h != 0)
            throw new ArgumentOutOfRangeException(nameof(endStep), endStep, $"Must be a multiple of the {h} local steps in {CompletedSteps + 1}..{Settings.Steps}");
        _clock.Start();
        try
        {
            var counters = executor.Run(this, CompletedSteps / h, endStep / h, onStep is null ? null : step => onStep(((step + 1) * h) - 1));
            foreach (var c in counters)
            {
                Messages += c.MessagesSent;
                Bytes += c.BytesSent;
            }
            CompletedSteps = endStep;
        }
        finally
        {
            _clock.Stop();
        }
    }

    /// <summary>A worker run over this run's nodes for node steps <paramref name="firstNodeStep"/> … <paramref name="endNodeStep"/> − 1, reporting no models.</summary>
    internal WorkerRun<float> WorkerRunFor(long firstNodeStep, long endNodeStep, PayloadPool<float>? payloads = null) =>
        new(_nodes, new WorkerOptions { FirstStep = firstNodeStep, Steps = endNodeStep, IncludeModel = false }, Network, Settings.Seed, payloads);

    /// <summary>Worker <paramref name="worker"/>'s state as <see cref="WriteState"/> writes it for every worker.</summary>
    internal byte[] WorkerState(int worker)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            _nodes[worker].WriteState(writer);
        return stream.ToArray();
    }

    /// <summary>
    /// Replaces worker <paramref name="worker"/>'s state by one computed elsewhere (a cluster node), with the mean
    /// training loss of its steps there, which the next <see cref="Evaluate"/> uses instead of the local objective's.
    /// </summary>
    internal void RestoreWorker(int worker, byte[] state, double meanLoss)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        _nodes[worker].ReadState(reader);
        if (reader.BaseStream.Position != state.Length)
            throw new InvalidDataException($"Worker {worker}'s state has {state.Length - reader.BaseStream.Position} bytes more than its node reads; the two sides run different settings");
        _reportedLoss[worker] = meanLoss;
    }

    /// <summary>Worker <paramref name="worker"/>'s mean training loss since the last call (NaN when it took no step here).</summary>
    internal double TakeMeanLoss(int worker) => _objectives[worker].TakeMeanLoss();

    /// <summary>Evaluates every worker's model and their average on the evaluation set; takes the training-loss means.</summary>
    public TrainingEvaluation Evaluate()
    {
        _clock.Start();
        try
        {
            var n = _nodes.Length;
            var models = new float[n + 1][];
            for (var i = 0; i < n; i++)
                models[i] = _nodes[i].Model.ToArray();
            var mean = new double[Model.ParameterCount];
            var distance = Consensus.MeanAndDistance<float>(Array.ConvertAll(models[..n], m => (ReadOnlyMemory<float>)m), mean);
            models[n] = Array.ConvertAll(mean, m => (float)m);
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                loss += _reportedLoss[i] ?? _objectives[i].TakeMeanLoss();
                _reportedLoss[i] = null;
            }
            var results = _evaluator.Evaluate(models);
            var accuracy = new double[n];
            for (var i = 0; i < n; i++)
                accuracy[i] = results[i].Accuracy;
            return new TrainingEvaluation(CompletedSteps, (double)CompletedSteps / StepsPerEpoch, loss / n, accuracy,
                accuracy.Average(), accuracy.Min(), results[n].Accuracy, results[n].Loss, distance, Messages, Bytes, Elapsed);
        }
        finally
        {
            _clock.Stop();
        }
    }

    /// <summary>Writes the state that determines the rest of the run (see <see cref="TrainingCheckpoint"/>).</summary>
    internal void WriteState(BinaryWriter writer)
    {
        writer.Write(CompletedSteps);
        writer.Write(Messages);
        writer.Write(Bytes);
        writer.Write(Elapsed.Ticks);
        foreach (var node in _nodes)
            node.WriteState(writer);
    }

    /// <summary>Restores what <see cref="WriteState"/> wrote into this freshly built run.</summary>
    internal void ReadState(BinaryReader reader)
    {
        if (CompletedSteps != 0)
            throw new InvalidOperationException($"Only a fresh run can be restored; this one has completed {CompletedSteps} steps");
        var step = reader.ReadInt64();
        if (step < 0 || step > Settings.Steps || step % Settings.LocalSteps != 0)
            throw new InvalidDataException($"The checkpoint is at step {step}, outside this run's 0..{Settings.Steps} or between communications every {Settings.LocalSteps} steps");
        Messages = reader.ReadInt64();
        Bytes = reader.ReadInt64();
        _elapsedBefore = TimeSpan.FromTicks(reader.ReadInt64());
        foreach (var node in _nodes)
            node.ReadState(reader);
        CompletedSteps = step;
    }
}
