namespace RelayActors.Models.Numerics;

/// <summary>
/// Standard-normal draws from a seeded <see cref="Random"/> by the Box–Muller transform: each pair of uniforms gives
/// two normals (cosine branch first, sine branch on the next call). Deterministic for a given seed and call sequence;
/// no draw allocates.
/// </summary>
public sealed class NormalSampler
{
    private readonly Random _random;

    /// <summary>Second normal of the last Box–Muller pair, returned by the next call when <see cref="_hasSpare"/>.</summary>
    private double _spare;

    private bool _hasSpare;

    /// <summary>Draws from <paramref name="random"/>, which the caller seeds (conventions C8).</summary>
    public NormalSampler(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
    }

    /// <summary>One draw from N(0, 1).</summary>
    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        var u1 = 1.0 - _random.NextDouble(); // in (0, 1], so the logarithm is finite
        var u2 = _random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spare = radius * Math.Sin(angle);
        _hasSpare = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Fills <paramref name="destination"/> with independent N(0, 1) draws, in index order.</summary>
    public void Fill(Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
            destination[i] = Next();
    }

    /// <summary>Fills <paramref name="destination"/> with independent N(0, 1) draws rounded to float, in index order.</summary>
    public void Fill(Span<float> destination)
    {
        for (var i = 0; i < destination.Length; i++)
            destination[i] = (float)Next();
    }
}
