using System.Numerics;

namespace RelayActors.Actors.Workers;

/// <summary>What a run's monitor does with the workers' reports: the run's metrics, and when it is over.</summary>
public interface IStepRecorder<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Takes one report. A report the run cannot have produced (unknown worker, repeated step) is a bug and throws.</summary>
    void Record(StepCompleted<T> report);

    /// <summary>True once the run has what it needs (every step of every worker, a target reached, or divergence).</summary>
    bool IsFinished { get; }
}
