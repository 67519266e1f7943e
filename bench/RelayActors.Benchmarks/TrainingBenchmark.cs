using System.Diagnostics;
using System.Globalization;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Training;
using RelayActors.Models.Data;
using RelayActors.Models.Networks;
using RelayActors.Models.Numerics;
using RelayActors.Models.Optim;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario <c>training</c>: the overhead of decentralization. 16 workers train LeNet-5 with RelaySGD on a binary tree
/// (and all-reduce) through the worker actors on the real clock, all cores; the limit is one model trained alone on
/// the same cores, as fast as it goes: plain forward/backward + SGD, no actors, no relay, with the per-step batch of
/// a worker (32, the target's reference) and with the whole step's batch (16 × 32 = 512, for information). Samples
/// per second, medians; target: decentralized ≥ 80 % of the lone model at batch 32. A stricter limit is reported
/// too: the lone model on one thread times the cores (perfect scaling, which one small model cannot reach).
/// </summary>
internal static class TrainingBenchmark
{
    private const int Workers = 16;
    private const int Batch = 32;
    private const double Target = 0.8;

    public static void Run(BenchOptions options, TextWriter output)
    {
        var (train, test) = LoadData();
        var steps = options.Quick ? 40 : 120;
        var repetitions = options.Quick ? 3 : 5;
        var threads = Environment.ProcessorCount;
        var table = new MarkdownTable(
            $"Training throughput: LeNet-5 on {train.Name} ({train.Shape}), {threads} cores; samples/s, median (min–max) of {repetitions}",
            "Run", "Samples/step", "Samples/s", "vs alone, batch 32", "vs alone, batch 512", $"vs {threads} × alone on 1 thread", "Target ≥ 80 %");
        var alone32 = Measure(repetitions, () => Alone(train, Batch, steps * Workers / 4, threads));
        var alone1 = Measure(repetitions, () => Alone(train, Batch, steps * Workers / 8, 1));
        var ideal = alone1.Median * threads;
        var alone512 = Measure(repetitions, () => Alone(train, Batch * Workers, steps / 4, threads));
        foreach (var algorithm in new[] { Algorithm.RelaySgd, Algorithm.AllReduce })
        {
            var decentralized = Measure(repetitions, () => Decentralized(train, test, algorithm, steps));
            var ratio = decentralized.Median / alone32.Median;
            table.Add($"{AlgorithmNames.Format(algorithm)}, {Workers} workers", (Batch * Workers).ToString(CultureInfo.InvariantCulture), Format(decentralized),
                Percent(ratio), Percent(decentralized.Median / alone512.Median), Percent(decentralized.Median / ideal), ratio >= Target ? "met" : "MISSED");
        }
        table.Add("one model alone", Batch.ToString(CultureInfo.InvariantCulture), Format(alone32), "100 %", Percent(alone32.Median / alone512.Median), Percent(alone32.Median / ideal), "");
        table.Add("one model alone", (Batch * Workers).ToString(CultureInfo.InvariantCulture), Format(alone512), Percent(alone512.Median / alone32.Median), "100 %", Percent(alone512.Median / ideal), "");
        table.Add("one model alone, 1 thread", Batch.ToString(CultureInfo.InvariantCulture), Format(alone1), Percent(alone1.Median / alone32.Median), Percent(alone1.Median / alone512.Median), Percent(alone1.Median / ideal), "");
        table.Note($"Decentralized: {steps} steps of {Workers} workers × batch {Batch}, relay-actors.network at its defaults (instant links), real clock, actors on the thread pool; set-up (split, nodes) outside the timing, actor system start and stop inside. Alone: {threads} GEMM threads unless the row says 1 thread.");
        table.Print(output);
    }

    private static (Dataset Train, Dataset Test) LoadData()
    {
        try
        {
            return FashionMnist.Load(FashionMnist.DefaultDirectory);
        }
        catch (DatasetException)
        {
            return SyntheticClassification.Create(new SyntheticSettings(Shape: new ImageShape(1, 28, 28)));
        }
    }

    /// <summary>Samples per second of one model stepping alone with all cores.</summary>
    private static double Alone(Dataset train, int batch, int steps, int threads)
    {
        var network = Network.Create(ModelKind.LeNet, train.Shape, train.Classes);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, seed: 1);
        var gradient = new float[parameters.Length];
        var optimizer = new SgdOptimizer<float>(parameters.Length, 0.9f, nesterov: true, weightDecay: 1e-4f);
        var workspace = network.CreateWorkspace(batch, threads);
        var indices = Enumerable.Range(0, train.Count).ToArray();
        var batches = new WorkerBatches(train, indices, batch, seed: 1, worker: 0, AugmentationSettings.None);
        var inputs = new float[batch * train.Shape.Size];
        var labels = new int[batch];
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            batches.Fill(step, inputs, labels);
            var random = new StepRandom(1, 0, step, 2);
            workspace.Gradient(parameters, inputs, labels, gradient, ref random);
            optimizer.Step(parameters, gradient, 0.01f);
        }
        return (double)steps * batch / clock.Elapsed.TotalSeconds;
    }

    private static double Decentralized(Dataset train, Dataset test, Algorithm algorithm, int steps)
    {
        var settings = new TrainingSettings
        {
            Algorithm = algorithm,
            Model = ModelKind.LeNet,
            BatchSize = Batch,
            Steps = steps,
            EvaluateEvery = steps,
            Optimizer = new OptimizerSettings(LearningRate: 0.01, Momentum: 0.9, Nesterov: true, WeightDecay: 1e-4),
            Alpha = 0.1,
        };
        var topology = RelayTopology.Create(algorithm == Algorithm.AllReduce ? TopologyKind.FullyConnected : TopologyKind.BinaryTree, Workers);
        var run = new TrainingRun(settings, topology, train, test.Take(100), NetworkSettings.Default);
        var clock = Stopwatch.StartNew();
        run.RunTo(steps, ClockKind.Real);
        return (double)steps * Workers * Batch / clock.Elapsed.TotalSeconds;
    }

    private static Summary Measure(int repetitions, Func<double> sample)
    {
        sample(); // warm-up: JIT and tiering
        var values = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
            values[i] = sample();
        return Summary.Of(values);
    }

    private static string Format(Summary s) => string.Create(CultureInfo.InvariantCulture, $"{s.Median:F0} ({s.Min:F0}–{s.Max:F0})");

    private static string Percent(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{100 * ratio:F0} %");
}
