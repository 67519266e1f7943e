using System.Numerics;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Compression;

/// <summary>
/// A compression operator Q for the messages of Choco-SGD (Koloskova et al. 2019): it writes Q(x) as a dense vector of
/// the same length, which is what the receiver reconstructs, and says how many bytes a real encoding of Q(x) would
/// take on the wire. One instance serves one worker and one vector length; its buffers are made once, so
/// <see cref="Compress"/> allocates nothing.
/// </summary>
public interface ICompressor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Length of the vectors this instance compresses.</summary>
    int Dimension { get; }

    /// <summary>
    /// Writes Q(<paramref name="x"/>) into <paramref name="destination"/> (both of length <see cref="Dimension"/>; they must
    /// not overlap). Random compressors draw from <paramref name="random"/>; deterministic ones leave it alone.
    /// </summary>
    void Compress(ReadOnlySpan<T> x, Span<T> destination, ref StepRandom random);

    /// <summary>Bytes an encoding of Q(x) for a vector of <paramref name="dimension"/> elements puts on the wire (values of sizeof(T) bytes, indices of 4).</summary>
    long EncodedBytes(int dimension);
}
