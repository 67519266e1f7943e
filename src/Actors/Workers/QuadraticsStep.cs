namespace RelayActors.Actors.Workers;

/// <summary>
/// The state of a quadratics run after <see cref="Step"/> (0-based; <see cref="Step"/> + 1 steps done): the error of
/// the average model f(x̄) − f* and the consensus distance (1/n) Σ_i ||x_i − x̄||².
/// </summary>
public readonly record struct QuadraticsStep(long Step, double Error, double ConsensusDistance);
