namespace RelayActors.Host.Reports;

/// <summary>
/// What a quadratics cell of <c>relay compare</c> found: the run at the row's learning rate or, when
/// <see cref="Tuned"/>, at the best of a search whose trials are listed. <see cref="StepsToTarget"/> is null when the
/// run never reached the target.
/// </summary>
internal sealed record QuadraticsCellResult(
    string Algorithm,
    string Topology,
    int Workers,
    int Seed,
    double LearningRate,
    bool Tuned,
    long? StepsToTarget,
    double FinalError,
    bool Diverged,
    long StepsRun,
    IReadOnlyList<QuadraticsTrial> Trials);

/// <summary>One learning rate a search tried.</summary>
internal sealed record QuadraticsTrial(double LearningRate, long? StepsToTarget, double FinalError, bool Diverged);
