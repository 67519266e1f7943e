using System.Diagnostics;
using System.Globalization;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Models.Tasks;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario 9, <c>relay quadratics</c> through the worker actors on the virtual clock: RelaySGD on random quadratics
/// (d = 10, ζ² = 1, the CLI's defaults otherwise) on a chain and a binary tree, a fixed number of steps
/// (<c>StopAtTarget = false</c>). Wall time per step of <see cref="QuadraticsRun.Execute"/> (actor system set-up and
/// shutdown included, problem construction not), against the authors' Python simulator (0.7 ms/step at n = 16,
/// 3.8 ms at n = 96 on this machine; target ≥ 20× faster), and the lock-step oracle on the same nodes for comparison.
/// Every measured actor run must end with the oracle's error bit for bit.
/// </summary>
internal static class QuadraticsBenchmark
{
    private const double TargetSpeedUp = 20;
    private const double LearningRate = 0.5;

    /// <summary>
    /// Warm-up per row: runs until both counts are reached. Tiered compilation needs several runs (and the 100 ms quiet
    /// period of call counting) before the hot methods reach tier 1; one warm-up run left them at tier 0 (3–6× slower).
    /// </summary>
    private const int MinimumWarmUpRuns = 3;

    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(1.5);

    private static readonly Size[] Sizes =
    [
        new(16, 2_000, 500, 0.7),
        new(96, 500, 150, 3.8),
        new(1_024, 100, 30, null),
    ];

    private static readonly TopologyKind[] Kinds = [TopologyKind.Chain, TopologyKind.BinaryTree];

    public static void Run(BenchOptions options, TextWriter output)
    {
        var table = new MarkdownTable(
            $"9. relay quadratics through the actors (RelaySGD, d = 10, ζ² = 1, η = {LearningRate}, virtual clock; wall µs per step, median (min–max) of {options.Repetitions})",
            "Workers", "Topology", "Steps", "Actors µs/step", "Python reference", "Speed-up", "Target ≥ 20×", "First run µs/step", "Lock-step µs/step", "Allocated/step", "Gen0 GCs/run");
        foreach (var size in Sizes)
        {
            foreach (var kind in Kinds)
            {
                var steps = options.Quick ? size.QuickSteps : size.Steps;
                var problem = RandomQuadratics.Create(new QuadraticsSettings(size.Workers, Dimension: 10, Zeta2: 1));
                var topology = RelayTopology.Create(kind, size.Workers);
                var settings = new QuadraticsRunSettings
                {
                    Algorithm = Algorithm.RelaySgd,
                    LearningRate = LearningRate,
                    Steps = steps,
                    StopAtTarget = false,
                };
                var oracle = QuadraticsRun.ExecuteLockstep(problem, topology, settings);
                var allocated = new List<double>();
                var collections = new List<double>();
                var actorRun = () => MicrosPerStep(problem, topology, settings, oracle, allocated, collections);
                var firstRun = WarmUp(actorRun);
                allocated.Clear();
                collections.Clear();
                var actors = Measure.Repeat(0, options.Repetitions, actorRun);
                var lockstepRun = () =>
                {
                    var watch = Stopwatch.StartNew();
                    QuadraticsRun.ExecuteLockstep(problem, topology, settings);
                    return watch.Elapsed.TotalMicroseconds / steps;
                };
                WarmUp(lockstepRun);
                var lockstep = Measure.Repeat(0, options.Repetitions, lockstepRun);
                var speedUp = size.ReferenceMs is { } ms ? 1_000 * ms / actors.Median : (double?)null;
                table.Add(
                    $"{size.Workers}",
                    TopologyKindNames.Format(kind),
                    $"{steps}",
                    MarkdownTable.Plain(actors, "F1"),
                    size.ReferenceMs is { } reference ? string.Create(CultureInfo.InvariantCulture, $"{reference} ms/step") : "–",
                    speedUp is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:F0}×") : "–",
                    speedUp is { } v ? (v >= TargetSpeedUp ? "yes" : "**no**") : "completes",
                    MarkdownTable.Number(firstRun, "F1"),
                    MarkdownTable.Plain(lockstep, "F1"),
                    string.Create(CultureInfo.InvariantCulture, $"{Summary.Of(allocated).Median / 1024:F1} KiB"),
                    MarkdownTable.Number(Summary.Of(collections).Median, "F0"));
            }
        }
        table.Note($"Speed-up = Python reference ÷ actors' median. Each row is warmed up for at least {MinimumWarmUpRuns} runs and {MinimumWarmUp.TotalSeconds} s; \"First run\" is the first of them (JIT included: cold in the first row only, since later rows reuse the compiled code).");
        table.Note("Allocated/step is the whole process (GetTotalAllocatedBytes) over one run ÷ steps; every actor run matched the lock-step oracle's final error and consensus distance exactly.");
        table.Print(output);
        RunToTarget(options, output);
    }

    /// <summary>
    /// The CLI's default mode: stop once f(x̄) − f* ≤ 1e-6, with a step budget far beyond that. The run must end at the
    /// target, not after the budget, so wall time per step actually run stays that of the fixed-step rows.
    /// </summary>
    private static void RunToTarget(BenchOptions options, TextWriter output)
    {
        var budget = options.Quick ? 5_000 : 20_000;
        var table = new MarkdownTable(
            $"9b. relay quadratics stopping at the target (chain, at most {budget:N0} steps; wall ms per run, median (min–max) of {options.Repetitions})",
            "Workers", "Steps to target", "Actors ms/run", "µs per step run", "Lock-step ms/run");
        foreach (var workers in new[] { 16, 96 })
        {
            var problem = RandomQuadratics.Create(new QuadraticsSettings(workers, Dimension: 10, Zeta2: 1));
            var topology = RelayTopology.Create(TopologyKind.Chain, workers);
            var settings = new QuadraticsRunSettings { Algorithm = Algorithm.RelaySgd, LearningRate = LearningRate, Steps = budget };
            var oracle = QuadraticsRun.ExecuteLockstep(problem, topology, settings);
            var actorRun = () =>
            {
                var watch = Stopwatch.StartNew();
                var result = QuadraticsRun.Execute(problem, topology, settings, NetworkSettings.Default);
                if (result.StepsToTarget != oracle.StepsToTarget || result.FinalError != oracle.FinalError)
                    throw new InvalidOperationException($"Actor run of {workers} workers reached the target after {result.StepsToTarget} steps (error {result.FinalError:R}); the oracle after {oracle.StepsToTarget} ({oracle.FinalError:R})");
                return watch.Elapsed.TotalMilliseconds;
            };
            WarmUp(actorRun);
            var actors = Measure.Repeat(0, options.Repetitions, actorRun);
            var lockstepRun = () =>
            {
                var watch = Stopwatch.StartNew();
                QuadraticsRun.ExecuteLockstep(problem, topology, settings);
                return watch.Elapsed.TotalMilliseconds;
            };
            WarmUp(lockstepRun);
            var lockstep = Measure.Repeat(0, options.Repetitions, lockstepRun);
            table.Add(
                $"{workers}",
                $"{oracle.StepsRun}",
                MarkdownTable.Plain(actors, "F2"),
                MarkdownTable.Number(1_000 * actors.Median / oracle.StepsRun, "F1"),
                MarkdownTable.Plain(lockstep, "F2"));
        }
        table.Print(output);
    }

    private static double WarmUp(Func<double> once) => Measure.WarmUp(once, MinimumWarmUpRuns, MinimumWarmUp);

    /// <summary>One actor run: wall µs per step; checks it against the oracle and notes its allocation and gen0 collections.</summary>
    private static double MicrosPerStep(RandomQuadratics problem, RelayTopology topology, QuadraticsRunSettings settings, QuadraticsResult oracle, List<double> allocated, List<double> collections)
    {
        var gen0 = GC.CollectionCount(0);
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = QuadraticsRun.Execute(problem, topology, settings, NetworkSettings.Default);
        var elapsed = watch.Elapsed;
        allocated.Add((double)(GC.GetTotalAllocatedBytes(precise: true) - bytes) / settings.Steps);
        collections.Add(GC.CollectionCount(0) - gen0);
        if (result.StepsRun != settings.Steps || result.FinalError != oracle.FinalError || result.FinalConsensusDistance != oracle.FinalConsensusDistance)
            throw new InvalidOperationException(
                $"Actor run of {problem.Workers} workers: {result.StepsRun} steps, error {result.FinalError:R}, consensus {result.FinalConsensusDistance:R}; the lock-step oracle ran {oracle.StepsRun} steps to {oracle.FinalError:R}, {oracle.FinalConsensusDistance:R}");
        return elapsed.TotalMicroseconds / settings.Steps;
    }

    private sealed record Size(int Workers, int Steps, int QuickSteps, double? ReferenceMs);
}
