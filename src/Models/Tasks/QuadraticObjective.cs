using RelayActors.Models.Numerics;

namespace RelayActors.Models.Tasks;

/// <summary>
/// Worker i's part of the random quadratics as an <see cref="ILocalObjective{T}"/>: ∇_i(x) = A_iᵀ(A_i x − b_i), plus
/// (σ/√d)·N(0, I) noise from the worker's own seeded sampler when the problem has σ &gt; 0.
/// </summary>
public sealed class QuadraticObjective : ILocalObjective<double>
{
    private readonly RandomQuadratics _problem;
    private readonly int _worker;
    private readonly NormalSampler? _noise;

    /// <summary>Worker <paramref name="worker"/>'s objective; <paramref name="noise"/> is its sampler, required when the problem has gradient noise and ignored otherwise.</summary>
    public QuadraticObjective(RandomQuadratics problem, int worker, NormalSampler? noise = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if ((uint)worker >= (uint)problem.Workers)
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"The problem has workers 0..{problem.Workers - 1}");
        if (problem.Settings.Noise > 0 && noise is null)
            throw new ArgumentException($"The problem has gradient noise σ = {problem.Settings.Noise}; worker {worker} needs a seeded sampler", nameof(noise));
        _problem = problem;
        _worker = worker;
        _noise = problem.Settings.Noise > 0 ? noise : null;
    }

    public int Dimension => _problem.Dimension;

    public void Gradient(long step, ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        if (_noise is null)
            _problem.Gradient(_worker, parameters, gradient);
        else
            _problem.Gradient(_worker, parameters, gradient, _noise);
    }
}
