using System.Numerics;
using System.Runtime.CompilerServices;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Compression;

/// <summary>
/// Scaled sign: Q(x) = ‖x‖₁/d · sign(x), which keeps the L1 norm. On the wire one bit per coordinate and the scale:
/// ⌈d/8⌉ + sizeof(T) bytes. A bit has no room for a zero, so sign(0) = +1 (the zero vector still maps to zero).
/// </summary>
public sealed class ScaledSignCompressor<T>(int dimension) : ICompressor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension { get; } = CompressorChecks.RequireDimension(dimension);

    public void Compress(ReadOnlySpan<T> x, Span<T> destination, ref StepRandom random)
    {
        CompressorChecks.RequireLengths(Dimension, x, destination);
        var scale = VectorMath.SumOfMagnitudes(x) / T.CreateChecked(x.Length);
        for (var i = 0; i < x.Length; i++)
            destination[i] = x[i] < T.Zero ? -scale : scale;
    }

    public long EncodedBytes(int dimension) => ((CompressorChecks.RequireDimension(dimension) + 7L) / 8) + Unsafe.SizeOf<T>();
}
