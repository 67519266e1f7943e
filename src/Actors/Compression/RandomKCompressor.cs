using System.Numerics;
using System.Runtime.CompilerServices;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Compression;

/// <summary>
/// Random-k: keeps k coordinates drawn uniformly without replacement (a partial Fisher–Yates shuffle), the rest zero.
/// On the wire the k values and the 8-byte seed the receiver redraws the indices from: k·sizeof(T) + 8 bytes.
/// </summary>
/// <remarks>
/// Not rescaled by d/k, as in Choco-SGD: unscaled, E‖Q(x) − x‖² = (1 − k/d)‖x‖², a contraction as Choco's analysis
/// needs; the unbiased d/k·Q(x) has variance (d/k − 1)‖x‖², above ‖x‖² for k &lt; d/2, and makes Choco diverge.
/// </remarks>
public sealed class RandomKCompressor<T> : ICompressor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int SeedBytes = sizeof(ulong);

    private readonly double _fraction;
    private readonly int[] _indices;

    public RandomKCompressor(int dimension, double fraction)
    {
        Dimension = CompressorChecks.RequireDimension(dimension);
        _fraction = new CompressorSettings { Fraction = fraction }.Fraction;
        Kept = CompressorSettings.KeptCoordinates(fraction, dimension);
        _indices = new int[dimension];
    }

    public int Dimension { get; }

    /// <summary>k: the coordinates kept.</summary>
    public int Kept { get; }

    public void Compress(ReadOnlySpan<T> x, Span<T> destination, ref StepRandom random)
    {
        CompressorChecks.RequireLengths(Dimension, x, destination);
        for (var i = 0; i < _indices.Length; i++)
            _indices[i] = i;
        VectorMath.Clear(destination);
        for (var j = 0; j < Kept; j++)
        {
            var pick = j + random.NextInt(_indices.Length - j);
            (_indices[j], _indices[pick]) = (_indices[pick], _indices[j]);
            destination[_indices[j]] = x[_indices[j]];
        }
    }

    public long EncodedBytes(int dimension) =>
        ((long)CompressorSettings.KeptCoordinates(_fraction, dimension) * Unsafe.SizeOf<T>()) + SeedBytes;
}
