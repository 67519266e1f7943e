using System.Numerics;
using System.Runtime.CompilerServices;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Compression;

/// <summary>Q(x) = x; the dense vector on the wire: d·sizeof(T) bytes.</summary>
public sealed class IdentityCompressor<T>(int dimension) : ICompressor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension { get; } = CompressorChecks.RequireDimension(dimension);

    public void Compress(ReadOnlySpan<T> x, Span<T> destination, ref StepRandom random)
    {
        CompressorChecks.RequireLengths(Dimension, x, destination);
        VectorMath.Copy(x, destination);
    }

    public long EncodedBytes(int dimension) => (long)CompressorChecks.RequireDimension(dimension) * Unsafe.SizeOf<T>();
}
