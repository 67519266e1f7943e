using System.CommandLine;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Training;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Models.Data;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>
/// <c>relay train</c>: decentralized training of a network on a heterogeneous split, one worker actor per worker, for
/// every algorithm of the experiment on the same data, split, initial model and budget; writes metrics, summaries and
/// checkpoints under <c>runs/</c> and prints the algorithms side by side. Re-running resumes from the checkpoints.
/// </summary>
internal static class TrainCommand
{
    private const string Section = TrainingExperimentSettings.ConfigPath;

    private static readonly ConfigFlag[] Flags =
    [
        new("--name", $"{Section}.name", "Run name: results go to <output>/<name>/<algorithm>/."),
        new("--algorithms", $"{Section}.algorithms", $"One algorithm, or a HOCON list such as [relaysgd,all-reduce]: {string.Join(", ", AlgorithmNames.All)}."),
        new("--topology", $"{Section}.topology", "Communication graph (all-reduce and sgp ignore it)."),
        new("--workers", $"{Section}.workers", "Number of workers."),
        new("--model", $"{Section}.model", $"Network: {string.Join(", ", TrainingNames.Models.All)}."),
        new("--dataset", $"{Section}.dataset", $"Data: {string.Join(", ", TrainingNames.Datasets.All)}."),
        new("--alpha", $"{Section}.alpha", "Dirichlet α of the split (smaller: more heterogeneous)."),
        new("--epochs", $"{Section}.epochs", "Passes over each worker's shard."),
        new("--local-steps", $"{Section}.local-steps", "Gradient steps between communications (local SGD)."),
        new("--learning-rate", $"{Section}.optimizer.learning-rate", $"Base learning rate; an algorithm with its own entry in learning-rates keeps it (all-reduce: 0.03 by default; --set {Section}.learning-rates.<algorithm>=… changes one)."),
        new("--seed", $"{Section}.seed", "Seed of the model, split, batches and network."),
    ];

    private static readonly Option<bool> FreshOption = new("--fresh") { Description = "Delete earlier results of this run name and start over (by default a run resumes from its checkpoint)." };

    private static readonly Option<bool> ClusterOption = new("--cluster") { Description = "Run the workers on a cluster of `relay node` processes (join through --seed-nodes; the host-aware tree replaces tree topologies)." };

    public static Command Create()
    {
        var command = new Command("train", "Train a network decentralized with one worker actor per worker and compare algorithms on the same heterogeneous data.");
        foreach (var flag in Flags)
            command.Options.Add(flag.Option);
        command.Options.Add(FreshOption);
        command.Options.Add(ClusterOption);
        foreach (var option in new Option[] { NodeOptions.SeedNodes, NodeOptions.SecretFile, NodeOptions.Hostname, NodeOptions.Port })
            command.Options.Add(option);
        command.Options.Add(CommonOptions.Config);
        command.Options.Add(CommonOptions.Set);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var assignments = Flags.Select(f => f.Assignment(parseResult)).OfType<string>().ToList();
            Config config;
            TrainingExperimentSettings settings;
            NetworkSettings network;
            try
            {
                config = ExperimentConfig.Load(parseResult.GetValue(CommonOptions.Config), assignments, parseResult.GetValue(CommonOptions.Set) ?? []);
                settings = TrainingExperimentSettings.FromConfig(config);
                network = NetworkSettings.FromConfig(config);
            }
            catch (ConfigurationException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidArguments;
            }
            var fresh = parseResult.GetValue(FreshOption);
            var output = parseResult.InvocationConfiguration.Output;
            if (!parseResult.GetValue(ClusterOption))
                return Execute(config, settings, network, fresh, output, error);
            NodeLaunchSettings launch;
            try
            {
                // The submitter listens on any free port unless told otherwise: the nodes may use the configured one.
                var flags = NodeOptions.Read(parseResult);
                launch = NodeLaunchSettings.Resolve(flags with { Port = flags.Port ?? 0, Capacity = 0 }, config, NodeOptions.Environment(), System.Environment.MachineName);
            }
            catch (Exception ex) when (ex is ConfigurationException or ArgumentException or FormatException or IOException)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidArguments;
            }
            if (launch.SeedNodes.Count == 0)
            {
                error.WriteLine("--cluster needs the nodes to join: --seed-nodes host:port,... or relay-actors.cluster.seed-nodes");
                return ExitCodes.InvalidArguments;
            }
            return ClusterTraining.Execute(config, settings, network, launch, fresh, output, error);
        });
        return command;
    }

    /// <summary>Loads the experiment's data set (Fashion-MNIST files or the synthetic task); prints the error and returns false when it cannot.</summary>
    public static bool TryLoadData(TrainingExperimentSettings settings, TextWriter error, out Dataset train, out Dataset test)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            (train, test) = settings.Dataset == DatasetKind.FashionMnist
                ? FashionMnist.Load(settings.DataDirectory)
                : SyntheticClassification.Create(new SyntheticSettings(settings.SyntheticTrainSamples, settings.SyntheticTestSamples, Seed: settings.Seed));
            return true;
        }
        catch (DatasetException ex)
        {
            error.WriteLine(ex.Message);
            (train, test) = (null!, null!);
            return false;
        }
    }

    /// <summary>Loads the data, then trains (or resumes) every algorithm in turn and prints the comparison; returns the exit code.</summary>
    public static int Execute(Config config, TrainingExperimentSettings settings, NetworkSettings network, bool fresh, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (TopologyChoice.Validate(settings.Topology, settings.Workers, settings.SpanningTree, settings.Root == 0 ? null : settings.Root) is { } sizeError)
        {
            error.WriteLine(sizeError);
            return ExitCodes.InvalidArguments;
        }
        var topology = TopologyChoice.Build(settings.Topology, settings.Workers, settings.SpanningTree, settings.Root, out var treeLine);
        foreach (var algorithm in settings.Algorithms)
        {
            if (algorithm != Algorithm.AllReduce && AlgorithmNodes.Unsupported(algorithm, topology) is { } reason)
            {
                error.WriteLine($"{reason}. Try --set {Section}.spanning-tree=bfs, or a tree topology such as chain or binary-tree.");
                return ExitCodes.UnsupportedTopology;
            }
        }
        if (!TryLoadData(settings, error, out var train, out var test))
            return ExitCodes.InvalidArguments;
        var table = new TrainingTable(output);
        table.WriteHeader(settings, topology, treeLine, train, test);
        using var logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var summaries = new List<TrainingRunSummary>();
        foreach (var algorithm in settings.Algorithms)
        {
            var runKind = TopologyChoice.KindFor(algorithm, settings.Topology);
            var runTopology = runKind != settings.Topology ? RelayTopology.Create(runKind, settings.Workers) : topology;
            var files = new TrainingFiles(Path.Combine(settings.Output, settings.Name, AlgorithmNames.Format(algorithm)));
            if (fresh)
                files.Clear();
            try
            {
                var session = new TrainingSession(settings, algorithm, runTopology, network, train, test, files, TrainingExperimentSettings.Describe(config, algorithm), logging);
                summaries.Add(session.Run(error));
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException or InvalidOperationException or TimeoutException)
            {
                error.WriteLine($"{AlgorithmNames.Format(algorithm)}: {ex.Message}");
                return ex is InvalidOperationException or TimeoutException ? ExitCodes.RunFailed : ExitCodes.InvalidArguments;
            }
        }
        table.WriteComparison(summaries, Path.Combine(settings.Output, settings.Name));
        return ExitCodes.Success;
    }
}
