namespace RelayActors.Actors.Distributed;

/// <summary>A node hosting workers of a cluster run was lost; the run stopped at the last completed segment.</summary>
public sealed class NodeLostException(string node, string reason, long completedNodeStep)
    : InvalidOperationException($"Lost cluster node {node} ({reason}); the run stopped after node step {completedNodeStep}, the last one every worker completed")
{
    public string Node { get; } = node;

    public long CompletedNodeStep { get; } = completedNodeStep;
}
