using System.Globalization;
using System.Numerics;

namespace RelayActors.Actors.Compression;

/// <summary>
/// Which compressor to use and its parameters: <see cref="Fraction"/> for top-k and random-k (k = the fraction of d,
/// rounded, at least 1), <see cref="Levels"/> for QSGD; each is ignored by the other kinds.
/// </summary>
public sealed record CompressorSettings
{
    /// <summary>Most QSGD levels accepted (16 bits per level index is far beyond what saves bytes).</summary>
    public const int MaxLevels = 1 << 16;

    public CompressorKind Kind
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Kind), value, "Unknown compressor");
    } = CompressorKind.TopK;

    /// <summary>k/d of top-k and random-k, in (0, 1].</summary>
    public double Fraction
    {
        get;
        init => field = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Fraction), value, "The fraction of coordinates kept must be in (0, 1]");
    } = 0.1;

    /// <summary>QSGD's s: the levels 0, 1/s, …, 1 of |x_i|/‖x‖₂, in 1..<see cref="MaxLevels"/>.</summary>
    public int Levels
    {
        get;
        init => field = value is >= 1 and <= MaxLevels ? value : throw new ArgumentOutOfRangeException(nameof(Levels), value, $"QSGD needs 1..{MaxLevels} levels");
    } = 16;

    /// <summary>k for a vector of <paramref name="dimension"/> elements: round(<paramref name="fraction"/>·d), at least 1 and at most d.</summary>
    public static int KeptCoordinates(double fraction, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        // Rounding, not ceiling: 0.1·30 is 3.0000000000000004 in double.
        var k = (long)Math.Round(fraction * dimension, MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(k, 1, dimension);
    }

    /// <summary>A compressor of this kind for vectors of <paramref name="dimension"/> elements.</summary>
    public ICompressor<T> Create<T>(int dimension)
        where T : unmanaged, IFloatingPointIeee754<T> => Kind switch
        {
            CompressorKind.Identity => new IdentityCompressor<T>(dimension),
            CompressorKind.TopK => new TopKCompressor<T>(dimension, Fraction),
            CompressorKind.RandomK => new RandomKCompressor<T>(dimension, Fraction),
            CompressorKind.ScaledSign => new ScaledSignCompressor<T>(dimension),
            CompressorKind.Qsgd => new QsgdCompressor<T>(dimension, Levels),
            _ => throw new InvalidOperationException($"Unknown compressor {Kind}"),
        };

    public override string ToString() => Kind switch
    {
        CompressorKind.TopK or CompressorKind.RandomK => string.Create(CultureInfo.InvariantCulture, $"{CompressorKindNames.Format(Kind)} (fraction {Fraction:G4})"),
        CompressorKind.Qsgd => $"{CompressorKindNames.Format(Kind)} ({Levels} levels)",
        _ => CompressorKindNames.Format(Kind),
    };
}
