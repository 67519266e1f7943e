using Microsoft.Extensions.Logging;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Training;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;

namespace RelayActors.Actors.Distributed;

/// <summary>
/// A cluster member's side of distributed training (<c>/user/node</c>): builds the run a coordinator describes (the
/// same split and initial model on every node, from the experiment's config and seed), hosts the workers placed on
/// this node, and runs them segment by segment: spawn on <see cref="RunSegment"/>, start on <see cref="StartSegment"/>
/// once every node has spawned, and send the workers' states back in <see cref="SegmentDone"/>. Workers address
/// their peers on other nodes through location-transparent refs, so the worker code is the single-host code.
/// </summary>
public sealed class NodeAgent : Actor<INodeAgentMessage>
{
    private readonly IRemoting _remoting;
    private readonly Func<PrepareRun, RelayTopology, TrainingRun> _build;
    private readonly ILogger _log;
    private readonly PayloadPool<float>? _payloads;
    private readonly Dictionary<string, HostedRun> _runs = [];

    /// <summary>
    /// An agent that builds runs with <paramref name="build"/> (which loads the data and settings the config names); its
    /// workers rent payload arrays from <paramref name="payloads"/>, the pool the transport's serializer shares.
    /// </summary>
    public NodeAgent(IRemoting remoting, Func<PrepareRun, RelayTopology, TrainingRun> build, ILogger log, PayloadPool<float>? payloads = null)
    {
        ArgumentNullException.ThrowIfNull(remoting);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(log);
        _remoting = remoting;
        _build = build;
        _log = log;
        _payloads = payloads;
    }

    private string Node => _remoting.Address.ToString();

    protected override void Receive(INodeAgentMessage message)
    {
        switch (message)
        {
            case PrepareRun m:
                OnPrepare(m);
                break;
            case Built m:
                OnBuilt(m);
                break;
            case RunSegment m:
                OnRunSegment(m);
                break;
            case StartSegment m:
                OnStartSegment(m);
                break;
            case LocalSegmentFinished m:
                OnLocalSegmentFinished(m);
                break;
            case AbortRun m:
                OnAbort(m);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        foreach (var run in _runs.Values)
            run.Part?.Stop(Context.System);
    }

    private void OnPrepare(PrepareRun prepare)
    {
        var coordinator = Context.Sender;
        if (_runs.Remove(prepare.RunId, out var old))
            old.Part?.Stop(Context.System);
        var self = Self;
        // Building loads the data and the model (seconds): off the actor's turn, back as a message.
        _ = Task.Run(() =>
        {
            try
            {
                var topology = TopologyOf(prepare);
                return new Built(prepare, coordinator, _build(prepare, topology), null);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidDataException or FormatException or Runtime.Configuration.ConfigurationException)
            {
                return new Built(prepare, coordinator, null, e.Message);
            }
        }).ContinueWith(t => self.Tell(t.Result), TaskScheduler.Default);
    }

    private void OnBuilt(Built built)
    {
        var p = built.Prepare;
        if (built.Run is null)
        {
            DistributedLog.BuildFailed(_log, p.RunId, Node, built.Error);
            built.Coordinator.Tell(new RunPrepared(p.RunId, Node, built.Error), Context.SelfRef);
            return;
        }
        if (built.Run.Workers != p.WorkerNodes.Length)
        {
            var error = $"the config builds {built.Run.Workers} workers but the placement has {p.WorkerNodes.Length}";
            built.Coordinator.Tell(new RunPrepared(p.RunId, Node, error), Context.SelfRef);
            return;
        }
        var local = new List<int>();
        for (var i = 0; i < p.WorkerNodes.Length; i++)
            if (p.WorkerNodes[i] == Node)
                local.Add(i);
        _runs[p.RunId] = new HostedRun(p, built.Run, [.. local], built.Coordinator);
        DistributedLog.Hosting(_log, p.RunId, local, p.WorkerNodes.Length);
        built.Coordinator.Tell(new RunPrepared(p.RunId, Node, null), Context.SelfRef);
    }

    private void OnRunSegment(RunSegment segment)
    {
        if (!_runs.TryGetValue(segment.RunId, out var hosted))
        {
            Context.Sender.Tell(new SegmentReady(segment.RunId, Node, segment.EndStep, $"run {segment.RunId} is not prepared on {Node}"), Context.SelfRef);
            return;
        }
        try
        {
            if (hosted.Part is not null)
                throw new InvalidOperationException($"a segment ending at node step {hosted.EndStep} is still running");
            if (segment.States is { } states)
            {
                for (var k = 0; k < states.Workers.Length; k++)
                    hosted.Run.RestoreWorker(states.Workers[k], states.States[k], states.MeanLosses[k]);
            }
            var workers = hosted.Run.WorkerRunFor(segment.FirstStep, segment.EndStep, _payloads);
            var recorder = new SegmentRecorder(hosted.Run.Workers, segment.FirstStep, segment.EndStep, onStep: null, reporters: hosted.Local.Length);
            var prefix = $"{segment.RunId}-s{segment.FirstStep}-";
            var nodes = hosted.Prepare.WorkerNodes;
            var part = workers.Prepare(Context.System, recorder, _ => true, hosted.Local,
                j => TypedActorRef.Of<IWorkerMessage>(_remoting.Resolve(ActorPath.Parse($"{nodes[j]}/user/{prefix}worker-{j}"))), prefix);
            hosted.Part = part;
            hosted.Recorder = recorder;
            hosted.EndStep = segment.EndStep;
            hosted.Coordinator = Context.Sender;
            var self = Self;
            var (runId, end) = (segment.RunId, segment.EndStep);
            part.Completion.ContinueWith(t => self.Tell(new LocalSegmentFinished(runId, end, t.Exception?.GetBaseException().Message)), TaskScheduler.Default);
            Context.Sender.Tell(new SegmentReady(segment.RunId, Node, segment.EndStep, null), Context.SelfRef);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException or EndOfStreamException)
        {
            DistributedLog.SegmentFailed(_log, segment.RunId, segment.EndStep, Node, e.Message);
            Context.Sender.Tell(new SegmentReady(segment.RunId, Node, segment.EndStep, e.Message), Context.SelfRef);
        }
    }

    private void OnStartSegment(StartSegment start)
    {
        if (_runs.TryGetValue(start.RunId, out var hosted) && hosted.Part is { } part && hosted.EndStep == start.EndStep)
            part.Begin();
        else
            DistributedLog.UnpreparedStart(_log, start.RunId, start.EndStep, Node);
    }

    private void OnLocalSegmentFinished(LocalSegmentFinished finished)
    {
        if (!_runs.TryGetValue(finished.RunId, out var hosted) || hosted.EndStep != finished.EndStep || hosted.Part is null)
            return;
        hosted.Part.Stop(Context.System);
        hosted.Part = null;
        if (finished.Error is { } error)
        {
            hosted.Coordinator.Tell(new SegmentDone(finished.RunId, Node, finished.EndStep, null, error), Context.SelfRef);
            return;
        }
        var local = hosted.Local;
        var states = new WorkerStates(local, new byte[local.Length][], new double[local.Length], new long[local.Length], new long[local.Length]);
        var counters = hosted.Recorder!.Counters;
        for (var k = 0; k < local.Length; k++)
        {
            var i = local[k];
            states.States[k] = hosted.Run.WorkerState(i);
            states.MeanLosses[k] = hosted.Run.TakeMeanLoss(i);
            states.MessagesSent[k] = counters[i].MessagesSent;
            states.BytesSent[k] = counters[i].BytesSent;
        }
        hosted.Coordinator.Tell(new SegmentDone(finished.RunId, Node, finished.EndStep, states, null), Context.SelfRef);
    }

    private void OnAbort(AbortRun abort)
    {
        if (!_runs.Remove(abort.RunId, out var hosted))
            return;
        hosted.Part?.Stop(Context.System);
        DistributedLog.Aborted(_log, abort.RunId, Node, abort.Reason);
    }

    /// <summary>The graph and spanning tree a <see cref="PrepareRun"/> names.</summary>
    internal static RelayTopology TopologyOf(PrepareRun prepare)
    {
        var n = prepare.WorkerNodes.Length;
        var graph = new Graph(n, Pairs(prepare.GraphEdges));
        return prepare.TreeEdges.Length == 0 ? RelayTopology.Of(graph) : RelayTopology.WithSpanningTree(graph, new Graph(n, Pairs(prepare.TreeEdges)));
    }

    /// <summary>Flattens edges into the pairs a <see cref="PrepareRun"/> carries.</summary>
    public static int[] Flatten(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var pairs = new int[graph.Edges.Count * 2];
        for (var k = 0; k < graph.Edges.Count; k++)
            (pairs[2 * k], pairs[(2 * k) + 1]) = (graph.Edges[k].A, graph.Edges[k].B);
        return pairs;
    }

    private static IEnumerable<Edge> Pairs(int[] flat)
    {
        if (flat.Length % 2 != 0)
            throw new ArgumentException($"An edge list needs pairs; it has {flat.Length} entries");
        for (var k = 0; k < flat.Length; k += 2)
            yield return new Edge(flat[k], flat[k + 1]);
    }

    /// <summary>A run this node takes part in.</summary>
    private sealed class HostedRun(PrepareRun prepare, TrainingRun run, int[] local, IActorRef coordinator)
    {
        public PrepareRun Prepare { get; } = prepare;

        public TrainingRun Run { get; } = run;

        public int[] Local { get; } = local;

        public IActorRef Coordinator { get; set; } = coordinator;

        public RunPart<bool>? Part { get; set; }

        public SegmentRecorder? Recorder { get; set; }

        public long EndStep { get; set; } = -1;
    }

    private sealed record Built(PrepareRun Prepare, IActorRef Coordinator, TrainingRun? Run, string? Error) : INodeAgentMessage;

    private sealed record LocalSegmentFinished(string RunId, long EndStep, string? Error) : INodeAgentMessage;
}
