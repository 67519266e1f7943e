using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Models.Tasks;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>
/// <c>relay quadratics</c>: the paper's random quadratics (spec §4.2) through the worker actors, one algorithm on one
/// topology; prints the error f(x̄) − f* and the steps to reach the target, or tunes the learning rate first.
/// </summary>
internal static class QuadraticsCommand
{
    private const string Section = QuadraticsExperimentSettings.ConfigPath;

    private static readonly ConfigFlag[] Flags =
    [
        new("--algorithm", $"{Section}.algorithm", $"Algorithm: {string.Join(", ", AlgorithmNames.All)}."),
        new("--topology", $"{Section}.topology", "Communication graph (all-reduce and sgp ignore it)."),
        new("--workers", $"{Section}.workers", "Number of workers n."),
        new("--spanning-tree", $"{Section}.spanning-tree", "none, bfs or min-diameter: relay over a spanning tree of a graph with cycles."),
        new("--root", $"{Section}.root", "Root of --spanning-tree bfs."),
        new("--fill", $"{Section}.fill", "RelaySGD's fill for workers not heard from: initial-model, own-previous, zero."),
        new("--dimension", $"{Section}.dimension", "Dimension d."),
        new("--zeta2", $"{Section}.zeta2", "Heterogeneity ζ²."),
        new("--mu", $"{Section}.mu", "Smallest singular value μ of every A_i (null: scale by the largest)."),
        new("--smoothness", $"{Section}.smoothness", "Largest singular value L."),
        new("--r0", $"{Section}.r0", "Distance ||x*|| of the optimum from the start."),
        new("--noise", $"{Section}.noise", "Gradient noise σ."),
        new("--learning-rate", $"{Section}.learning-rate", "Constant learning rate η."),
        new("--steps", $"{Section}.steps", "At most this many (gradient) steps."),
        new("--local-steps", $"{Section}.local-steps", "Gradient steps between communications (local SGD)."),
        new("--target", $"{Section}.target", "Stop once f(x̄) − f* ≤ target."),
        new("--seed", $"{Section}.seed", "Seed of the problem, the noise and the network."),
        new("--clock", $"{Section}.clock", "virtual (deterministic) or real."),
        new("--latency", $"{NetworkSettings.ConfigPath}.latency", "Latency of every link, e.g. 1ms.",
            DurationParser.TryParse, $"Expected a non-negative number with a unit ({DurationParser.Units}), e.g. 1ms."),
    ];

    private static readonly Option<bool> TuneOption = new("--tune") { Description = $"Search the learning rate on a grid and report the best [config: {Section}.tune]." };

    private static readonly Option<bool> TraceOption = new("--trace") { Description = "Print the error after every step." };

    private static readonly TextOption<ReportFormat> FormatOption = CliOptions.Choice<ReportFormat>(
        "--format", "Output: console table or JSON lines (csv is not available here).", ReportFormatNames.All, ReportFormatNames.TryParse, "table");

    public static Command Create()
    {
        var command = new Command("quadratics", "Run an algorithm on the paper's random quadratics through the worker actors and report f(x̄) − f* and the steps to a target.");
        foreach (var flag in Flags)
            command.Options.Add(flag.Option);
        command.Options.Add(TuneOption);
        command.Options.Add(TraceOption);
        command.Options.Add(FormatOption.Option);
        command.Options.Add(CommonOptions.Config);
        command.Options.Add(CommonOptions.Set);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var assignments = Flags.Select(f => f.Assignment(parseResult)).OfType<string>().ToList();
            if (parseResult.GetValue(TuneOption))
                assignments.Add($"{Section}.tune=true");
            QuadraticsExperimentSettings settings;
            NetworkSettings network;
            try
            {
                var config = ExperimentConfig.Load(parseResult.GetValue(CommonOptions.Config), assignments, parseResult.GetValue(CommonOptions.Set) ?? []);
                settings = QuadraticsExperimentSettings.FromConfig(config);
                network = NetworkSettings.FromConfig(config);
            }
            catch (ConfigurationException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidArguments;
            }
            return Execute(settings, network, FormatOption.GetValue(parseResult), parseResult.GetValue(TraceOption), output, error);
        });
        return command;
    }

    /// <summary>Builds the problem and the topology, runs (or tunes) and prints; returns the exit code.</summary>
    public static int Execute(QuadraticsExperimentSettings settings, NetworkSettings network, ReportFormat format, bool trace, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (format == ReportFormat.Csv)
        {
            error.WriteLine("relay quadratics prints table or json; --format csv is for relay consensus.");
            return ExitCodes.InvalidArguments;
        }
        var topologyKind = TopologyChoice.KindFor(settings.Algorithm, settings.Topology);
        // The root's default is 0 in the config, so only a different root counts as asked for.
        if (TopologyChoice.Validate(topologyKind, settings.Workers, settings.SpanningTree, settings.Root == 0 ? null : settings.Root) is { } sizeError)
        {
            error.WriteLine(sizeError);
            return ExitCodes.InvalidArguments;
        }
        var topology = TopologyChoice.Build(topologyKind, settings.Workers, settings.SpanningTree, settings.Root, out var treeLine);
        if (AlgorithmNodes.Unsupported(settings.Algorithm, topology) is { } reason)
        {
            error.WriteLine($"{reason}. Try --spanning-tree bfs or min-diameter, or a tree topology such as chain or binary-tree.");
            return ExitCodes.UnsupportedTopology;
        }
        RandomQuadratics problem;
        try
        {
            problem = RandomQuadratics.Create(settings.ToProblemSettings());
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"Invalid quadratics problem: {ex.Message}");
            return ExitCodes.InvalidArguments;
        }
        var report = new QuadraticsReport(format, output);
        report.WriteHeader(settings, topologyKind, problem, treeLine);
        try
        {
            using var logging = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(LogLevel.Warning)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
            if (settings.Tune)
                return Tune(settings, network, problem, topology, topologyKind, report, error, logging);
            var progress = new ProgressReporter(error, settings.Steps);
            var stopwatch = Stopwatch.StartNew();
            var result = QuadraticsRun.Execute(problem, topology, RunSettings(settings, settings.LearningRate, trace), network, settings.Clock, loggerFactory: logging, onStep: progress.Report);
            report.WriteRun(result, topologyKind, stopwatch.Elapsed, trials: null);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            error.WriteLine($"The run failed: {ex.Message}");
            return ExitCodes.RunFailed;
        }
    }

    private static int Tune(QuadraticsExperimentSettings settings, NetworkSettings network, RandomQuadratics problem, RelayTopology topology, TopologyKind topologyKind, QuadraticsReport report, TextWriter error, ILoggerFactory logging)
    {
        var total = LearningRateSearch.CoarseGrid().Count + 6;
        var done = 0;
        var stopwatch = Stopwatch.StartNew();
        var search = LearningRateSearch.Run(
            rate => QuadraticsRun.Execute(problem, topology, RunSettings(settings, rate, trace: false), network, settings.Clock, loggerFactory: logging),
            Environment.ProcessorCount,
            trial => error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tune {++done}/{total}: learning rate {trial.LearningRate:G4} -> {(trial.Diverged ? "diverged" : trial.StepsToTarget is { } s ? $"{s} steps" : $"error {trial.FinalError:G3} after {trial.StepsRun} steps")}")));
        report.WriteRun(search.Best, topologyKind, stopwatch.Elapsed, search.Trials);
        return ExitCodes.Success;
    }

    /// <summary>The run settings of the experiment at <paramref name="learningRate"/>.</summary>
    public static QuadraticsRunSettings RunSettings(QuadraticsExperimentSettings settings, double learningRate, bool trace) => new()
    {
        Algorithm = settings.Algorithm,
        LearningRate = learningRate,
        Steps = settings.Steps,
        LocalSteps = settings.LocalSteps,
        Target = settings.Target,
        Trace = trace,
        Fill = settings.Fill,
        Choco = settings.Choco,
        Seed = settings.Seed,
    };
}
