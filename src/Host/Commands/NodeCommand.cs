using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Distributed;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Training;
using RelayActors.Host.Configuration;
using RelayActors.Models.Data;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Commands;

/// <summary>
/// <c>relay node</c>: a cluster member that hosts workers. Joins through the seed nodes, advertises its capacity and
/// host, runs the workers a coordinator (<c>relay train --cluster</c>) places on it, and stays until it is stopped
/// (Ctrl+C or SIGTERM: it leaves gracefully) or downed by the cluster.
/// </summary>
internal static class NodeCommand
{
    public static Command Create()
    {
        var command = new Command("node", "Start a cluster member that hosts workers for `relay train --cluster` (seed nodes, capacity and secret from flags, HOCON or the Slurm/MPI environment).");
        foreach (var option in new Option[] { NodeOptions.Hostname, NodeOptions.Port, NodeOptions.SeedNodes, NodeOptions.Capacity, NodeOptions.HostLabel, NodeOptions.SecretFile, NodeOptions.Rank, NodeOptions.WorldSize, NodeOptions.LocalRank })
            command.Options.Add(option);
        command.Options.Add(CommonOptions.Config);
        command.Options.Add(CommonOptions.Set);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            Config config;
            NodeLaunchSettings node;
            try
            {
                config = ExperimentConfig.Load(parseResult.GetValue(CommonOptions.Config), [], parseResult.GetValue(CommonOptions.Set) ?? []);
                node = NodeLaunchSettings.Resolve(NodeOptions.Read(parseResult), config, NodeOptions.Environment(), System.Environment.MachineName);
            }
            catch (Exception ex) when (ex is ConfigurationException or ArgumentException or FormatException or IOException)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidArguments;
            }
            return Run(node, config, error);
        });
        return command;
    }

    /// <summary>Runs the member until it is stopped or downed; returns the exit code.</summary>
    public static int Run(NodeLaunchSettings node, Config config, TextWriter error)
    {
        using var logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        ClusterMember member;
        try
        {
            member = ClusterMember.StartAsync(node, config, logging).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is ConfigurationException or ArgumentException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"Cannot start the node on {node.Hostname}:{node.Port}: {ex.Message}");
            return ExitCodes.InvalidArguments;
        }
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
        try
        {
            var log = logging.CreateLogger("RelayActors.Node");
            var data = new DataCache();
            member.System.ActorOf(Props.Create(() => new NodeAgent(member.Transport, (prepare, topology) => Build(prepare, topology, data), log, member.Payloads)), "node");
            var printer = member.System.ActorOf(Props.Create(() => new MemberEventPrinter(error)), "member-events");
            member.Cluster.Subscribe(printer.Untyped);
            var seeds = node.SeedNodes.Count == 0 ? "none: forms its own cluster" : string.Join(", ", node.SeedNodes);
            error.WriteLine($"node {member.Transport.Address}: host {node.HostLabel}, capacity {node.Capacity}, seed nodes {seeds}");
            var ended = Task.WhenAny(stop.Task, member.Cluster.WhenRemoved).GetAwaiter().GetResult();
            if (ended == stop.Task)
            {
                error.WriteLine($"node {member.Transport.Address}: leaving the cluster");
                member.LeaveAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
                return ExitCodes.Success;
            }
            error.WriteLine($"node {member.Transport.Address}: removed from the cluster (downed or left); stopping");
            return ExitCodes.RunFailed;
        }
        finally
        {
            member.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>A node's copy of the run a coordinator describes: the same settings, split and initial model.</summary>
    private static TrainingRun Build(PrepareRun prepare, RelayTopology topology, DataCache data)
    {
        var config = Config.Parse(prepare.Config, $"run {prepare.RunId}");
        var settings = TrainingExperimentSettings.FromConfig(config);
        var network = NetworkSettings.FromConfig(config);
        if (!AlgorithmNames.TryParse(prepare.Algorithm, out var algorithm))
            throw new ArgumentException($"Unknown algorithm '{prepare.Algorithm}' (known: {string.Join(", ", AlgorithmNames.All)})");
        var (train, test) = data.Load(settings);
        return TrainingSession.BuildRun(settings, algorithm, topology, network, train, test);
    }

    /// <summary>The data set of the last run, kept for the next one (a node usually runs the same data for every algorithm).</summary>
    private sealed class DataCache
    {
        private readonly Lock _lock = new();
        private string? _key;
        private (Dataset Train, Dataset Test) _data;

        public (Dataset Train, Dataset Test) Load(TrainingExperimentSettings settings)
        {
            var key = $"{settings.Dataset}|{settings.DataDirectory}|{settings.SyntheticTrainSamples}|{settings.SyntheticTestSamples}|{settings.Seed}";
            lock (_lock)
            {
                if (_key != key)
                {
                    var error = new StringWriter();
                    if (!TrainCommand.TryLoadData(settings, error, out var train, out var test))
                        throw new IOException(error.ToString().Trim());
                    (_key, _data) = (key, (train, test));
                }
                return _data;
            }
        }
    }
}
