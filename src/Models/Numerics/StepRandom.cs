namespace RelayActors.Models.Numerics;

/// <summary>
/// A small counter-seeded generator (SplitMix64): its state is a hash of a seed and up to three stream ids such as
/// (worker, epoch) or (worker, step). Randomness that is a function of the step needs no checkpointing, and streams
/// of different workers or steps never overlap in practice. A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct StepRandom
{
    private ulong _state;

    /// <summary>The stream for <paramref name="seed"/> and ids <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/>.</summary>
    public StepRandom(long seed, long a = 0, long b = 0, long c = 0)
    {
        var state = Mix((ulong)seed + Golden);
        state = Mix(state ^ ((ulong)a + Golden));
        state = Mix(state ^ ((ulong)b + Golden2));
        _state = Mix(state ^ ((ulong)c + Golden3));
    }

    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong Golden2 = unchecked(2 * Golden);
    private const ulong Golden3 = unchecked(3 * Golden);

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), bound, out var low);
            if (low >= threshold)
                return (int)product;
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>A standard normal draw (Box–Muller; one of the pair is discarded so the state stays one word).</summary>
    public double NextNormal()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>Fisher–Yates shuffle of <paramref name="items"/> in place.</summary>
    public void Shuffle<TItem>(Span<TItem> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
