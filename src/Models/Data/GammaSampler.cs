using RelayActors.Models.Numerics;

namespace RelayActors.Models.Data;

/// <summary>
/// Gamma(shape, 1) draws returned as natural logarithms, and Dirichlet proportions built from them. Log space matters
/// for the Dirichlet split: with α = 0.01 a Gamma draw is <c>Gamma(1.01)·U^{100}</c>, and U^{100} underflows a double
/// whenever U &lt; 0.0006, so a plain implementation divides zero by zero and yields NaN proportions (numpy's legacy
/// sampler has exactly this problem). Normalising by the largest log-draw instead keeps the result finite: the largest
/// proportion is always ≥ 1/m, and when every other draw is negligible that worker simply receives everything.
/// </summary>
internal static class GammaSampler
{
    /// <summary>
    /// ln of a Gamma(<paramref name="shape"/>, 1) draw by Marsaglia &amp; Tsang (2000), "A simple method for generating
    /// gamma variables": for shape ≥ 1 with d = shape − 1/3, c = 1/√(9d), accept d·(1 + c·x)³ for x ~ N(0, 1) with
    /// the squeeze and log tests; for shape &lt; 1 the boost Gamma(a) = Gamma(a + 1)·U^{1/a}, i.e. adding ln(U)/a.
    /// </summary>
    public static double NextLog(ref StepRandom random, double shape)
    {
        if (!(shape > 0) || double.IsInfinity(shape))
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The Gamma shape must be positive and finite.");
        if (shape < 1)
        {
            var boost = Math.Log(1.0 - random.NextDouble()) / shape; // 1 − U is in (0, 1]: the logarithm is finite
            return NextLog(ref random, shape + 1) + boost;
        }
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            var x = random.NextNormal();
            var v = 1.0 + c * x;
            if (v <= 0)
                continue;
            v = v * v * v;
            var u = 1.0 - random.NextDouble();
            var x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.Log(u) < 0.5 * x2 + d * (1.0 - v + Math.Log(v)))
                return Math.Log(d) + Math.Log(v);
        }
    }

    /// <summary>
    /// Fills <paramref name="logDraws"/> with ln Gamma(<paramref name="alpha"/>) draws, one per component: the
    /// unnormalised logarithms of a Dirichlet(α·1) vector.
    /// </summary>
    public static void NextLogDirichlet(ref StepRandom random, double alpha, Span<double> logDraws)
    {
        for (var k = 0; k < logDraws.Length; k++)
            logDraws[k] = NextLog(ref random, alpha);
    }

    /// <summary>
    /// Normalises <c>exp(logDraws)</c> over the components where <paramref name="included"/> is true into
    /// <paramref name="proportions"/> (excluded components get 0), computing in units of the largest included draw so
    /// nothing overflows or becomes NaN. Returns false, leaving all proportions 0, when no component is included.
    /// Mathematically this is "draw Dirichlet, zero the excluded entries, renormalise".
    /// </summary>
    public static bool Normalise(ReadOnlySpan<double> logDraws, ReadOnlySpan<bool> included, Span<double> proportions)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < logDraws.Length; k++)
        {
            if (included[k] && logDraws[k] > max)
                max = logDraws[k];
        }
        proportions.Clear();
        if (double.IsNegativeInfinity(max))
            return false;
        var sum = 0.0;
        for (var k = 0; k < logDraws.Length; k++)
        {
            if (included[k])
            {
                proportions[k] = Math.Exp(logDraws[k] - max);
                sum += proportions[k];
            }
        }
        for (var k = 0; k < proportions.Length; k++)
            proportions[k] /= sum; // sum ≥ 1: the largest draw contributes exp(0)
        return true;
    }
}
