using System.Threading.Channels;
using RelayActors.Actors.Training;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;

namespace RelayActors.Actors.Distributed;

/// <summary>
/// Runs a training run's segments on the node agents of a cluster (the coordinator's side). The coordinator keeps its
/// own copy of the run, which it never steps: after each segment it takes every worker's state from the nodes, so
/// evaluation, metrics and checkpoints are the single-host code. Segments start in two phases (every node spawns its
/// workers, then all start) so no message reaches a worker that does not exist yet. A <see cref="NodeLost"/> for a
/// node of the run aborts the segment on the others and throws <see cref="NodeLostException"/>; the run's nodes stay
/// at the last completed segment.
/// </summary>
public sealed class ClusterSegments : ISegmentExecutor, IDisposable
{
    private readonly ActorSystem _system;
    private readonly IRemoting _remoting;
    private readonly PrepareRun _prepare;
    private readonly string[] _nodes;
    private readonly TimeSpan _replyTimeout;
    private readonly Channel<ICoordinatorMessage> _inbox = Channel.CreateUnbounded<ICoordinatorMessage>();
    private readonly IActorRef<ICoordinatorMessage> _inboxRef;
    private long _nodesAt = -1;

    /// <summary>
    /// A coordinator for <paramref name="prepare"/> in <paramref name="system"/>; waits up to <paramref name="replyTimeout"/>
    /// for a node to prepare or spawn (segments themselves may take as long as they take; a lost node ends them).
    /// </summary>
    public ClusterSegments(ActorSystem system, IRemoting remoting, PrepareRun prepare, TimeSpan replyTimeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(remoting);
        ArgumentNullException.ThrowIfNull(prepare);
        _system = system;
        _remoting = remoting;
        _prepare = prepare;
        _nodes = [.. prepare.WorkerNodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _replyTimeout = replyTimeout;
        var writer = _inbox.Writer;
        _inboxRef = system.ActorOf(Props.Create(() => new CoordinatorInbox(writer)), $"coordinator-{prepare.RunId}");
    }

    /// <summary>Where the host delivers <see cref="NodeLost"/> notices (from cluster membership events).</summary>
    public IActorRef<ICoordinatorMessage> Inbox => _inboxRef;

    /// <summary>The nodes that host workers of the run.</summary>
    public IReadOnlyList<string> Nodes => _nodes;

    /// <summary>Has every node build the run; throws with the nodes' errors if any fails.</summary>
    public void Prepare()
    {
        foreach (var node in _nodes)
            AgentOf(node).Tell(_prepare, _inboxRef.Untyped);
        var errors = new List<string>();
        AwaitAll<RunPrepared>(m => m.Node, m => m.Error, errors, completedNodeStep: -1);
        if (errors.Count > 0)
            throw new InvalidOperationException($"Run {_prepare.RunId} could not be prepared: {string.Join("; ", errors)}");
        _nodesAt = 0;
    }

    public IReadOnlyList<WorkerCounters> Run(TrainingRun run, long firstNodeStep, long endNodeStep, Action<long>? onNodeStep)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (_nodesAt < 0)
            Prepare();
        var resend = _nodesAt != firstNodeStep;
        foreach (var node in _nodes)
            AgentOf(node).Tell(new RunSegment(_prepare.RunId, firstNodeStep, endNodeStep, resend ? StatesFor(run, node) : null), _inboxRef.Untyped);
        var errors = new List<string>();
        AwaitAll<SegmentReady>(m => m.Node, m => m.Error, errors, firstNodeStep);
        if (errors.Count > 0)
        {
            Abort($"a node could not start the segment: {string.Join("; ", errors)}");
            throw new InvalidOperationException($"Run {_prepare.RunId}: the segment to node step {endNodeStep} could not start: {string.Join("; ", errors)}");
        }
        foreach (var node in _nodes)
            AgentOf(node).Tell(new StartSegment(_prepare.RunId, endNodeStep), _inboxRef.Untyped);
        var done = AwaitAll<SegmentDone>(m => m.Node, m => m.Error, errors, firstNodeStep);
        if (errors.Count > 0)
        {
            Abort($"a node failed: {string.Join("; ", errors)}");
            throw new InvalidOperationException($"Run {_prepare.RunId}: the segment to node step {endNodeStep} failed: {string.Join("; ", errors)}");
        }
        var counters = new WorkerCounters[run.Workers];
        foreach (var reply in done)
        {
            var states = reply.States!;
            for (var k = 0; k < states.Workers.Length; k++)
            {
                var worker = states.Workers[k];
                run.RestoreWorker(worker, states.States[k], states.MeanLosses[k]);
                counters[worker] = new WorkerCounters(states.MessagesSent[k], states.BytesSent[k], 0, 0, 0);
            }
        }
        _nodesAt = endNodeStep;
        onNodeStep?.Invoke(endNodeStep - 1);
        return counters;
    }

    /// <summary>Tells every node to forget the run.</summary>
    public void Abort(string reason)
    {
        foreach (var node in _nodes)
            AgentOf(node).Tell(new AbortRun(_prepare.RunId, reason), _inboxRef.Untyped);
    }

    public void Dispose() => _system.Stop(_inboxRef);

    /// <summary>
    /// Waits for one <typeparamref name="T"/> of this run from every node (a stale reply of an earlier run is skipped);
    /// collects error texts; a lost node of the run aborts and throws.
    /// </summary>
    private List<T> AwaitAll<T>(Func<T, string> nodeOf, Func<T, string?> errorOf, List<string> errors, long completedNodeStep)
        where T : ICoordinatorMessage
    {
        var pending = new HashSet<string>(_nodes, StringComparer.Ordinal);
        var replies = new List<T>(_nodes.Length);
        // Preparing and spawning are bounded; a segment's compute is not (a lost node ends it).
        var bounded = typeof(T) != typeof(SegmentDone);
        while (pending.Count > 0)
        {
            var message = Read(bounded, typeof(T).Name, pending);
            switch (message)
            {
                case NodeLost lost when pending.Contains(lost.Node) || _nodes.Contains(lost.Node, StringComparer.Ordinal):
                    Abort($"node {lost.Node} was lost: {lost.Reason}");
                    throw new NodeLostException(lost.Node, lost.Reason, completedNodeStep);
                case T reply when IsOfThisRun(reply) && pending.Remove(nodeOf(reply)):
                    if (errorOf(reply) is { } error)
                        errors.Add($"{nodeOf(reply)}: {error}");
                    replies.Add(reply);
                    break;
            }
        }
        return replies;
    }

    private ICoordinatorMessage Read(bool bounded, string awaiting, HashSet<string> pending)
    {
        using var timeout = new CancellationTokenSource(bounded ? _replyTimeout : Timeout.InfiniteTimeSpan);
        try
        {
            return _inbox.Reader.ReadAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Abort($"no {awaiting} within {_replyTimeout.TotalSeconds} s");
            throw new TimeoutException($"Run {_prepare.RunId}: no {awaiting} from {string.Join(", ", pending)} within {_replyTimeout.TotalSeconds} s");
        }
    }

    private bool IsOfThisRun(ICoordinatorMessage message) => message switch
    {
        RunPrepared m => m.RunId == _prepare.RunId,
        SegmentReady m => m.RunId == _prepare.RunId,
        SegmentDone m => m.RunId == _prepare.RunId,
        _ => false,
    };

    private WorkerStates StatesFor(TrainingRun run, string node)
    {
        var workers = new List<int>();
        for (var i = 0; i < _prepare.WorkerNodes.Length; i++)
            if (_prepare.WorkerNodes[i] == node)
                workers.Add(i);
        var states = new WorkerStates([.. workers], new byte[workers.Count][], new double[workers.Count], new long[workers.Count], new long[workers.Count]);
        for (var k = 0; k < workers.Count; k++)
        {
            states.States[k] = run.WorkerState(workers[k]);
            states.MeanLosses[k] = double.NaN;
        }
        return states;
    }

    private IActorRef AgentOf(string node) => _remoting.Resolve(ActorPath.Parse($"{node}/user/node"));
}
