namespace RelayActors.Models.Tasks;

/// <summary>
/// Parameters of the random quadratics of spec §4.2 (<c>paper-figures/random_quadratics.py</c>):
/// f(x) = (1/n) Σ_i ||A_i x − b_i||² over <see cref="Workers"/> = n workers in <see cref="Dimension"/> = d dimensions.
/// </summary>
/// <param name="Workers">Number of workers n, one quadratic each.</param>
/// <param name="Dimension">Dimension d of x (square d×d matrices A_i).</param>
/// <param name="Zeta2">Target heterogeneity ζ² = (1/n) Σ_i ||∇_i(x*)||², the spread of the local gradients at the optimum.</param>
/// <param name="Mu">
/// Smallest singular value of every A_i: the singular values become linspace(μ, L, d). Null: divide each A_i by its
/// largest singular value instead (conditioning left random).
/// </param>
/// <param name="Smoothness">Largest singular value L of every A_i when <see cref="Mu"/> is set.</param>
/// <param name="R0">Distance ||x*|| of the optimum from the origin, where workers start.</param>
/// <param name="Noise">Standard deviation σ of the gradient noise: E||noise||² = σ².</param>
/// <param name="Seed">Seed of the one <see cref="Random"/> every draw comes from.</param>
public sealed record QuadraticsSettings(
    int Workers,
    int Dimension = 10,
    double Zeta2 = 0,
    double? Mu = 0.5,
    double Smoothness = 1,
    double R0 = 100,
    double Noise = 0,
    int Seed = 0)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad value.</summary>
    public void Validate()
    {
        if (Workers < 1)
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "At least one worker is needed");
        if (Dimension < 1)
            throw new ArgumentOutOfRangeException(nameof(Dimension), Dimension, "The dimension must be at least 1");
        if (!double.IsFinite(Zeta2) || Zeta2 < 0)
            throw new ArgumentOutOfRangeException(nameof(Zeta2), Zeta2, "Heterogeneity ζ² must be finite and non-negative");
        if (Zeta2 > 0 && Workers < 2)
            throw new ArgumentOutOfRangeException(nameof(Zeta2), Zeta2, "A single worker's optimum is the global one, so ζ² is 0; use 2 or more workers for ζ² > 0");
        if (!double.IsFinite(Smoothness) || Smoothness <= 0)
            throw new ArgumentOutOfRangeException(nameof(Smoothness), Smoothness, "Smoothness L must be finite and positive");
        if (Mu is { } mu && !(mu > 0 && mu <= Smoothness))
            throw new ArgumentOutOfRangeException(nameof(Mu), mu, $"μ must lie in (0, L = {Smoothness}], or be null to normalise by the largest singular value");
        if (!double.IsFinite(R0) || R0 < 0)
            throw new ArgumentOutOfRangeException(nameof(R0), R0, "The distance r0 of the optimum must be finite and non-negative");
        if (!double.IsFinite(Noise) || Noise < 0)
            throw new ArgumentOutOfRangeException(nameof(Noise), Noise, "The noise σ must be finite and non-negative");
    }
}
