using System.CommandLine;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Commands;

/// <summary>
/// <c>relay consensus</c>: averages static values over a topology with RelaySum or gossip on worker actors and
/// prints every round. Parses flags into <see cref="ConsensusSettings"/>; the run itself is <see cref="ConsensusRun"/>.
/// </summary>
internal static class ConsensusCommand
{
    private static readonly TextOption<TopologyKind> TopologyOption = CliOptions.Choice<TopologyKind>(
        "--topology", "Communication graph.", TopologyKindNames.All, TopologyKindNames.TryParse, "chain");

    private static readonly Option<int> WorkersOption = CliOptions.AtLeast("--workers", "Number of workers.", 1, 16);

    private static readonly Option<int?> RoundsOption = CliOptions.OptionalAtLeast("--rounds", "Rounds to run [default: diameter + 2].", 1);

    private static readonly TextOption<ConsensusAlgorithm> AlgorithmOption = CliOptions.Choice<ConsensusAlgorithm>(
        "--algorithm", "Averaging algorithm (relaysum needs a tree).", ConsensusAlgorithmNames.All, ConsensusAlgorithmNames.TryParse, "relaysum");

    private static readonly TextOption<InitialValues> ValuesOption = CliOptions.Choice<InitialValues>(
        "--values", "Starting values: index v_i = i, one-hot v_0 = N, random standard normal.", InitialValuesNames.All, InitialValuesNames.TryParse, "index");

    private static readonly Option<int> SeedOption = new("--seed") { Description = "Seed of the random values.", DefaultValueFactory = _ => 42 };

    private static readonly TextOption<TimeSpan> LatencyOption = CliOptions.Duration("--latency", "Latency of every link.", "1ms");

    private static readonly TextOption<ClockKind> ClockOption = CliOptions.Choice<ClockKind>(
        "--clock", "virtual: deterministic simulated time; real: wall-clock time on the thread pool.", ClockKindNames.All, ClockKindNames.TryParse, "virtual");

    private static readonly TextOption<ReportFormat> FormatOption = CliOptions.Choice<ReportFormat>(
        "--format", "Output: console table, JSON lines, or CSV.", ReportFormatNames.All, ReportFormatNames.TryParse, "table");

    public static Command Create()
    {
        var command = new Command("consensus", "Average static values over a topology with RelaySum or gossip on worker actors, round by round.")
        {
            TopologyOption.Option, WorkersOption, RoundsOption, AlgorithmOption.Option, ValuesOption.Option, SeedOption,
            LatencyOption.Option, ClockOption.Option, FormatOption.Option,
        };
        command.SetAction(parseResult =>
        {
            var settings = new ConsensusSettings(
                TopologyOption.GetValue(parseResult),
                parseResult.GetValue(WorkersOption),
                parseResult.GetValue(RoundsOption),
                AlgorithmOption.GetValue(parseResult),
                ValuesOption.GetValue(parseResult),
                parseResult.GetValue(SeedOption),
                LatencyOption.GetValue(parseResult),
                ClockOption.GetValue(parseResult),
                FormatOption.GetValue(parseResult));
            return Execute(settings, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Builds the topology and the run from <paramref name="settings"/>, runs it and prints it; returns the exit code.</summary>
    public static int Execute(ConsensusSettings settings, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var minimum = Topologies.MinimumNodes(settings.Topology);
        if (settings.Workers < minimum)
        {
            error.WriteLine($"A {TopologyKindNames.Format(settings.Topology)} needs at least {minimum} workers; got --workers {settings.Workers}.");
            return ExitCodes.InvalidArguments;
        }
        if (!Topologies.Accepts(settings.Topology, settings.Workers))
        {
            error.WriteLine($"A {TopologyKindNames.Format(settings.Topology)} cannot have {settings.Workers} workers (a hypercube needs a power of two: 1, 2, 4, 8, 16, ...); got --workers {settings.Workers}.");
            return ExitCodes.InvalidArguments;
        }
        var graph = Topologies.Create(settings.Topology, settings.Workers);
        if (!ConsensusNodes.Supports(settings.Algorithm, graph))
        {
            error.WriteLine(NotATreeMessage(settings, graph));
            return ExitCodes.UnsupportedTopology;
        }

        var values = ConsensusInputs.Create(settings.Values, settings.Workers, settings.Seed);
        var rounds = settings.Rounds ?? graph.Diameter + 2;
        var run = new ConsensusRun(graph, values, settings.Algorithm, rounds, LinkModel.Constant(settings.Latency));
        ConsensusResult result;
        try
        {
            // Only actor failures (warnings and up) are logged, to stderr, so they never mix with the report.
            using var logging = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(LogLevel.Warning)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
            result = run.Execute(settings.Clock, RealTimeLimit(settings.Latency, rounds), logging);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            error.WriteLine($"The run failed: {ex.Message}");
            return ExitCodes.RunFailed;
        }
        WriterFor(settings.Format).Write(settings, graph, result, output, error);
        return ExitCodes.Success;
    }

    private static IConsensusReportWriter WriterFor(ReportFormat format) => format switch
    {
        ReportFormat.Table => new TableReportWriter(),
        ReportFormat.Json => new JsonLinesReportWriter(),
        ReportFormat.Csv => new CsvReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format"),
    };

    /// <summary>Generous: 30 s plus ten times the ideal duration (rounds × latency).</summary>
    private static TimeSpan RealTimeLimit(TimeSpan latency, int rounds) => TimeSpan.FromSeconds(30) + (latency * rounds * 10);

    private static string NotATreeMessage(ConsensusSettings settings, Graph graph)
    {
        var trees = string.Join(", ", Enum.GetValues<TopologyKind>().Where(Topologies.IsTreeKind).Select(TopologyKindNames.Format));
        return $"relaysum needs a tree, but {TopologyKindNames.Format(settings.Topology)} with {graph.NodeCount} workers has cycles "
            + $"({graph.Edges.Count} edges; a tree on {graph.NodeCount} nodes has {graph.NodeCount - 1}). "
            + $"Use --topology with a tree ({trees}), or --algorithm gossip. (Running RelaySum on a spanning tree of this graph is planned.)";
    }
}
