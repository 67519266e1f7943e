using System.Globalization;
using Microsoft.Extensions.Logging;
using RelayActors.Actors.Distributed;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Models.Data;
using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Commands;

/// <summary>
/// <c>relay train --cluster</c>: joins the cluster as a member without workers, waits until enough capacity is Up,
/// places the workers (by capacity, contiguous ids per host) and builds the host-aware spanning tree, writes both to
/// the run folder, then runs every algorithm with its segments on the nodes. Metrics, checkpoints and summaries are
/// the single-host ones: after each segment the coordinator holds every worker's state.
/// </summary>
internal static class ClusterTraining
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(5);

    public static int Execute(Config config, TrainingExperimentSettings settings, NetworkSettings network, NodeLaunchSettings launch, bool fresh, TextWriter output, TextWriter error)
    {
        if (!TrainCommand.TryLoadData(settings, error, out var train, out var test))
            return ExitCodes.InvalidArguments;
        using var logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        ClusterMember member;
        try
        {
            member = ClusterMember.StartAsync(launch with { Capacity = 0 }, config, logging).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is ConfigurationException or ArgumentException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"Cannot join the cluster: {ex.Message}");
            return ExitCodes.InvalidArguments;
        }
        try
        {
            error.WriteLine($"submit {member.Transport.Address}: joining {string.Join(", ", launch.SeedNodes)}");
            if (!AwaitCapacity(member, settings.Workers, member.ClusterSettings.MinNrOfMembers, launch.SubmitTimeout, error))
                return ExitCodes.RunFailed;
            var placement = Place(member, settings.Workers);
            var tree = HostAwareTree.Build(placement);
            var hostAware = RelayTopology.WithSpanningTree(tree, tree);
            var folder = Path.Combine(settings.Output, settings.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "placement.txt"), placement.Render());
            File.WriteAllText(Path.Combine(folder, "tree.txt"), HostAwareTree.Render(tree, placement));
            error.WriteLine(placement.Render());
            error.WriteLine(HostAwareTree.Render(tree, placement));
            var table = new TrainingTable(output);
            table.WriteHeader(settings, hostAware, $"host-aware tree over {placement.Hosts.Count} host(s), {HostAwareTree.InterHostEdges(tree, placement)} inter-host edge(s)", train, test);
            var summaries = new List<TrainingRunSummary>();
            foreach (var algorithm in settings.Algorithms)
            {
                var kind = TopologyChoice.KindFor(algorithm, settings.Topology);
                var topology = kind != settings.Topology ? RelayTopology.Create(kind, settings.Workers) : hostAware;
                if (algorithm != Algorithm.AllReduce && AlgorithmNodes.Unsupported(algorithm, topology) is { } reason)
                {
                    error.WriteLine(reason);
                    return ExitCodes.UnsupportedTopology;
                }
                var files = new TrainingFiles(Path.Combine(folder, AlgorithmNames.Format(algorithm)));
                if (fresh)
                    files.Clear();
                var summary = RunAlgorithm(member, config, settings, network, algorithm, topology, placement, train, test, files, launch.LostNodePolicy, logging, error);
                if (summary is null)
                    return ExitCodes.RunFailed;
                summaries.Add(summary);
            }
            table.WriteComparison(summaries, folder);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException)
        {
            error.WriteLine(ex.Message);
            return ExitCodes.InvalidArguments;
        }
        finally
        {
            member.LeaveAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            member.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// One algorithm on the cluster; with the continue policy, a lost node's workers move to the survivors and the
    /// run resumes from its last checkpoint (same tree over the worker ids, so the numbers stay those of an
    /// uninterrupted run). Returns null after printing why the run stopped.
    /// </summary>
    private static TrainingRunSummary? RunAlgorithm(ClusterMember member, Config config, TrainingExperimentSettings settings, NetworkSettings network,
        Algorithm algorithm, RelayTopology topology, Placement placement, Dataset train, Dataset test, TrainingFiles files, LostNodePolicy policy, ILoggerFactory logging, TextWriter error)
    {
        var label = AlgorithmNames.Format(algorithm);
        for (var attempt = 0; ; attempt++)
        {
            var prepare = new PrepareRun(RunId(settings.Name, label, attempt), config.RenderCanonical(), label,
                NodeAgent.Flatten(topology.Graph), topology.HasTrees ? NodeAgent.Flatten(topology.Trees[0]) : [],
                [.. Enumerable.Range(0, settings.Workers).Select(w => placement.NodeOf(w).Node)]);
            using var segments = new ClusterSegments(member.System, member.Transport, prepare, ReplyTimeout);
            var watch = member.System.ActorOf(Props.Create(() => new LostNodeWatch(segments.Inbox)), $"lost-node-watch-{prepare.RunId}");
            member.Cluster.Subscribe(watch.Untyped);
            try
            {
                var session = new TrainingSession(settings, algorithm, topology, network, train, test, files, TrainingExperimentSettings.Describe(config, algorithm), logging, segments);
                return session.Run(error);
            }
            catch (NodeLostException lost)
            {
                error.WriteLine($"{label}: {lost.Message}");
                var checkpoint = File.Exists(files.Checkpoint) ? $"the checkpoint in {files.Directory} holds the last evaluated step" : "no checkpoint was written yet";
                if (policy == LostNodePolicy.StopWithCheckpoint)
                {
                    error.WriteLine($"{label}: stopped (lost-node-policy = stop-with-checkpoint); {checkpoint}. Run the same command again on a healthy cluster to resume.");
                    return null;
                }
                var survivors = Survivors(member, lost.Node);
                try
                {
                    placement = Placement.Assign(survivors, settings.Workers);
                }
                catch (ArgumentException ex)
                {
                    error.WriteLine($"{label}: cannot continue on the survivors: {ex.Message}; {checkpoint}.");
                    return null;
                }
                error.WriteLine($"{label}: continuing from the last checkpoint on {survivors.Count} surviving node(s) (lost-node-policy = continue); the tree stays, its workers move:");
                error.WriteLine(placement.Render());
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                error.WriteLine($"{label}: {ex.Message}");
                return null;
            }
            finally
            {
                member.Cluster.Unsubscribe(watch.Untyped);
                member.System.Stop(watch);
            }
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="minimum"/> members with worker slots are Up (the cluster's
    /// <c>min-nr-of-members</c>, so that placement sees every node that was meant to take part, not just the first ones
    /// to join) and they offer at least <paramref name="workers"/> slots; prints the members when it gives up.
    /// </summary>
    private static bool AwaitCapacity(ClusterMember member, int workers, int minimum, TimeSpan timeout, TextWriter error)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var state = member.Cluster.State;
            var nodes = WorkerMembers(state, member.Cluster.SelfAddress).ToList();
            var slots = nodes.Sum(ClusterMember.CapacityOf);
            if (member.Cluster.WhenUp.IsCompleted && slots >= workers && nodes.Count >= minimum)
                return true;
            if (DateTime.UtcNow >= deadline)
            {
                var members = state.Members.Count == 0 ? "none" : string.Join("; ", state.Members.Select(m => $"{m.Address} {m.Status} capacity {ClusterMember.CapacityOf(m)}"));
                error.WriteLine($"The cluster did not offer {workers} worker slots on at least {minimum} node(s) (min-nr-of-members) within {timeout.TotalSeconds:G4} s (this submitter {(member.Cluster.WhenUp.IsCompleted ? "is Up" : "never became Up: are the seed nodes running, and is the secret the same?")}; {slots} slots on {nodes.Count} node(s) Up). Members: {members}");
                return false;
            }
            Thread.Sleep(100);
        }
    }

    private static Placement Place(ClusterMember member, int workers) =>
        Placement.Assign([.. WorkerMembers(member.Cluster.State, member.Cluster.SelfAddress).Select(Slot)], workers);

    private static List<NodeSlot> Survivors(ClusterMember member, string lost)
    {
        var state = member.Cluster.State;
        return [.. WorkerMembers(state, member.Cluster.SelfAddress)
            .Where(m => m.Address.ToString() != lost && !state.Unreachable.Contains(m.Address))
            .Select(Slot)];
    }

    private static IEnumerable<Member> WorkerMembers(ClusterState state, Address self) =>
        state.Members.Where(m => m.Status == MemberStatus.Up && m.Address != self && ClusterMember.CapacityOf(m) > 0);

    private static NodeSlot Slot(Member m) => new(m.Address.ToString(), ClusterMember.HostOf(m), ClusterMember.CapacityOf(m));

    /// <summary>An actor-name-safe run id: run name, algorithm, attempt.</summary>
    private static string RunId(string name, string algorithm, int attempt)
    {
        var safe = new string([.. $"{name}-{algorithm}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return attempt == 0 ? safe : string.Create(CultureInfo.InvariantCulture, $"{safe}-r{attempt}");
    }
}
