using RelayActors.Actors.Relay;

namespace RelayActors.Actors.Workers;

/// <summary>
/// The outcome of a quadratics run. <see cref="StepsToTarget"/> is the number of steps after which f(x̄) − f* first
/// was at most the target (null if never); <see cref="Trace"/> holds every step when a trace was asked for, else the
/// last step only. <see cref="Elapsed"/> is on the run's clock (virtual time on the virtual clock).
/// </summary>
public sealed record QuadraticsResult(
    Algorithm Algorithm,
    int Workers,
    double LearningRate,
    long StepsRun,
    double FinalError,
    double FinalConsensusDistance,
    long? StepsToTarget,
    bool Diverged,
    IReadOnlyList<QuadraticsStep> Trace,
    long MessagesSent,
    long BytesSent,
    TimeSpan Elapsed);
