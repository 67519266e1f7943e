using RelayActors.Actors.Workers;

namespace RelayActors.Actors.Training;

/// <summary>Where a training run's segments run: in this process (<see cref="LocalSegments"/>) or spread over a cluster.</summary>
public interface ISegmentExecutor
{
    /// <summary>
    /// Runs node steps <paramref name="firstNodeStep"/> … <paramref name="endNodeStep"/> − 1 of every worker of
    /// <paramref name="run"/> from its current state and leaves the resulting state in the run's nodes.
    /// <paramref name="onNodeStep"/> sees each node step once every worker finished it (where the executor can tell).
    /// Returns each worker's counters for the segment.
    /// </summary>
    IReadOnlyList<WorkerCounters> Run(TrainingRun run, long firstNodeStep, long endNodeStep, Action<long>? onNodeStep);
}
