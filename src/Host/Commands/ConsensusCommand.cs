using System.CommandLine;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Runtime.Configuration;
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

    private static readonly ConfigFlag LatencyFlag = new("--latency", $"{NetworkSettings.ConfigPath}.latency", "Latency of every link [default: 1ms unless the config sets it].",
        DurationParser.TryParse, $"Expected a non-negative number with a unit ({DurationParser.Units}), e.g. 1ms.");

    /// <summary>consensus has always defaulted to 1 ms links; the network reference default (0) applies to the other commands.</summary>
    private static readonly Config DefaultLatency = Config.Parse($"{NetworkSettings.ConfigPath}.latency = 1ms", "relay consensus default");

    private static readonly TextOption<ClockKind> ClockOption = CliOptions.Choice<ClockKind>(
        "--clock", "virtual: deterministic simulated time; real: wall-clock time on the thread pool.", ClockKindNames.All, ClockKindNames.TryParse, "virtual");

    private static readonly TextOption<ReportFormat> FormatOption = CliOptions.Choice<ReportFormat>(
        "--format", "Output: console table, JSON lines, or CSV.", ReportFormatNames.All, ReportFormatNames.TryParse, "table");

    private static readonly TextOption<SpanningTreeKind> SpanningTreeOption = CliOptions.Choice<SpanningTreeKind>(
        "--spanning-tree", "Run relaysum on a spanning tree of the topology: none (the topology must be a tree), bfs from --root, or min-diameter (bfs from a centre). Gossip ignores it.",
        SpanningTreeKindNames.All, SpanningTreeKindNames.TryParse, "none");

    private static readonly Option<int?> RootOption = CliOptions.OptionalAtLeast("--root", "Root worker of --spanning-tree bfs [default: 0].", 0);

    public static Command Create()
    {
        var command = new Command("consensus", "Average static values over a topology with RelaySum or gossip on worker actors, round by round.")
        {
            TopologyOption.Option, WorkersOption, RoundsOption, AlgorithmOption.Option, ValuesOption.Option, SeedOption,
            LatencyFlag.Option, ClockOption.Option, FormatOption.Option, SpanningTreeOption.Option, RootOption,
            CommonOptions.Config, CommonOptions.Set,
        };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            NetworkSettings network;
            try
            {
                var flags = LatencyFlag.Assignment(parseResult) is { } latency ? new[] { latency } : [];
                var config = ExperimentConfig.Load(parseResult.GetValue(CommonOptions.Config), flags, parseResult.GetValue(CommonOptions.Set) ?? []);
                network = NetworkSettings.FromConfig(config.WithFallback(DefaultLatency));
            }
            catch (ConfigurationException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidArguments;
            }
            var settings = new ConsensusSettings(
                TopologyOption.GetValue(parseResult),
                parseResult.GetValue(WorkersOption),
                parseResult.GetValue(RoundsOption),
                AlgorithmOption.GetValue(parseResult),
                ValuesOption.GetValue(parseResult),
                parseResult.GetValue(SeedOption),
                network,
                ClockOption.GetValue(parseResult),
                FormatOption.GetValue(parseResult),
                SpanningTreeOption.GetValue(parseResult),
                parseResult.GetValue(RootOption));
            return Execute(settings, parseResult.InvocationConfiguration.Output, error);
        });
        return command;
    }

    /// <summary>Builds the topology and the run from <paramref name="settings"/>, runs it and prints it; returns the exit code.</summary>
    public static int Execute(ConsensusSettings settings, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (TopologyChoice.Validate(settings.Topology, settings.Workers, settings.SpanningTree, settings.Root) is { } topologyError)
        {
            error.WriteLine(topologyError);
            return ExitCodes.InvalidArguments;
        }
        var spanningTree = settings.SpanningTree;
        if (spanningTree != SpanningTreeKind.None && settings.Algorithm == ConsensusAlgorithm.Gossip)
        {
            error.WriteLine($"Note: gossip runs on the whole {TopologyKindNames.Format(settings.Topology)}; --spanning-tree {SpanningTreeKindNames.Format(spanningTree)} is ignored.");
            spanningTree = SpanningTreeKind.None;
        }
        var topology = TopologyChoice.Build(settings.Topology, settings.Workers, spanningTree, settings.Root ?? 0, out var treeLine);
        var graph = spanningTree == SpanningTreeKind.None ? topology.Graph : topology.Trees[0];
        if (!ConsensusNodes.Supports(settings.Algorithm, graph))
        {
            error.WriteLine(NotATreeMessage(settings, graph));
            return ExitCodes.UnsupportedTopology;
        }

        var values = ConsensusInputs.Create(settings.Values, settings.Workers, settings.Seed);
        var rounds = settings.Rounds ?? graph.Diameter + 2;
        var run = new ConsensusRun(graph, values, settings.Algorithm, rounds, settings.Network, settings.Seed);
        ConsensusResult result;
        try
        {
            // Only actor failures (warnings and up) are logged, to stderr, so they never mix with the report.
            using var logging = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(LogLevel.Warning)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
            result = run.Execute(settings.Clock, RealTimeLimit(settings.Network, rounds), logging);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            error.WriteLine($"The run failed: {ex.Message}");
            return ExitCodes.RunFailed;
        }
        // The table is for people: it opens with the tree. JSON lines and CSV stay parseable, so the tree goes to stderr.
        if (treeLine is not null)
            (settings.Format == ReportFormat.Table ? output : error).WriteLine(treeLine);
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

    /// <summary>Generous: 30 s plus ten times the slowest plausible duration (rounds × (latency + jitter + timeout)).</summary>
    private static TimeSpan RealTimeLimit(NetworkSettings network, int rounds) =>
        TimeSpan.FromSeconds(30) + ((network.Link.Latency + network.Link.Jitter + (network.RoundTimeout ?? TimeSpan.Zero)) * rounds * 10);



    private static string NotATreeMessage(ConsensusSettings settings, Graph graph)
    {
        var trees = string.Join(", ", Enum.GetValues<TopologyKind>().Where(Topologies.IsTreeKind).Select(TopologyKindNames.Format));
        return $"relaysum needs a tree, but {TopologyKindNames.Format(settings.Topology)} with {graph.NodeCount} workers has cycles "
            + $"({graph.Edges.Count} edges; a tree on {graph.NodeCount} nodes has {graph.NodeCount - 1}). "
            + $"Use --spanning-tree bfs or --spanning-tree min-diameter to run on a spanning tree of it, --topology with a tree ({trees}), or --algorithm gossip.";
    }
}
