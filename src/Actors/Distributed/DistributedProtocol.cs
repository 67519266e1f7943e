namespace RelayActors.Actors.Distributed;

/// <summary>What a node's agent (<c>/user/node</c> on every cluster member that hosts workers) accepts.</summary>
public interface INodeAgentMessage;

/// <summary>What the coordinator of a cluster run accepts.</summary>
public interface ICoordinatorMessage;

/// <summary>
/// Prepares run <see cref="RunId"/> on a node: build the training run of <see cref="Algorithm"/> from <see cref="Config"/>
/// (the experiment's HOCON, so every node derives the same split and initial model from the seed) on the graph
/// <see cref="GraphEdges"/> with spanning tree <see cref="TreeEdges"/> (flattened pairs), and host the workers
/// whose entry in <see cref="WorkerNodes"/> (one node address per worker) is this node. Answered by <see cref="RunPrepared"/>.
/// </summary>
public sealed record PrepareRun(string RunId, string Config, string Algorithm, int[] GraphEdges, int[] TreeEdges, string[] WorkerNodes) : INodeAgentMessage;

/// <summary>Node <see cref="Node"/> built run <see cref="RunId"/>, or failed to with <see cref="Error"/>.</summary>
public sealed record RunPrepared(string RunId, string Node, string? Error) : ICoordinatorMessage;

/// <summary>
/// Spawn this node's workers for node steps <see cref="FirstStep"/> … <see cref="EndStep"/> − 1 and wait for
/// <see cref="StartSegment"/>. <see cref="States"/> (from a checkpoint, or after a re-placement) replace the named workers'
/// states first; empty when the node's workers continue where they stopped. Answered by <see cref="SegmentReady"/>.
/// </summary>
public sealed record RunSegment(string RunId, long FirstStep, long EndStep, WorkerStates? States) : INodeAgentMessage;

/// <summary>Node <see cref="Node"/> has spawned its workers for the segment ending at <see cref="EndStep"/> (or failed with <see cref="Error"/>).</summary>
public sealed record SegmentReady(string RunId, string Node, long EndStep, string? Error) : ICoordinatorMessage;

/// <summary>Every node has spawned its workers: start the segment ending at <see cref="EndStep"/>.</summary>
public sealed record StartSegment(string RunId, long EndStep) : INodeAgentMessage;

/// <summary>Node <see cref="Node"/>'s workers finished the segment ending at <see cref="EndStep"/>; their states and counters, or <see cref="Error"/>.</summary>
public sealed record SegmentDone(string RunId, string Node, long EndStep, WorkerStates? States, string? Error) : ICoordinatorMessage;

/// <summary>Stop run <see cref="RunId"/> on this node now (a node was lost, or the coordinator gives up) and forget it.</summary>
public sealed record AbortRun(string RunId, string Reason) : INodeAgentMessage;

/// <summary>The cluster lost node <see cref="Node"/> (unreachable, downed or removed): delivered to the coordinator by the host.</summary>
public sealed record NodeLost(string Node, string Reason) : ICoordinatorMessage;

/// <summary>
/// Several workers' states as <c>IWorkerNode.WriteState</c> writes them, with each worker's mean training loss over the
/// segment (NaN when unknown) and counters (messages and bytes sent in the segment). Arrays are parallel, indexed like
/// <see cref="Workers"/>.
/// </summary>
public sealed record WorkerStates(int[] Workers, byte[][] States, double[] MeanLosses, long[] MessagesSent, long[] BytesSent);
