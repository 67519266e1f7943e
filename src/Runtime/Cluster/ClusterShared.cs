namespace RelayActors.Runtime.Cluster;

/// <summary>
/// What the daemon shares with the <see cref="Cluster"/> facade: the latest state snapshot (an immutable record
/// swapped atomically, so readers on any thread see a consistent view) and the lifecycle tasks.
/// </summary>
internal sealed class ClusterShared
{
    private ClusterState _state = ClusterState.Empty;

    public ClusterState State
    {
        get => Volatile.Read(ref _state);
        set => Volatile.Write(ref _state, value);
    }

    public TaskCompletionSource Up { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Removed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
