using System.Numerics;
using System.Runtime.CompilerServices;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Compression;

/// <summary>
/// QSGD with s levels (Alistarh et al. 2017): Q(x)_i = ‖x‖₂ · sign(x_i) · l_i/s, where l_i is ⌊s|x_i|/‖x‖₂⌋ rounded up
/// with probability equal to the remainder, so E[Q(x)] = x and Var Q(x)_i ≤ ‖x‖₂²/(4s²). On the wire the norm and, per
/// coordinate, a sign bit and the level in ⌈log2(s + 1)⌉ bits: sizeof(T) + ⌈d·(1 + ⌈log2(s + 1)⌉)/8⌉ bytes.
/// </summary>
/// <remarks>
/// Unbiased, hence not rescaled: E‖Q(x) − x‖² ≤ min(d/s², √d/s)‖x‖², a contraction only while that factor is below 1
/// (Koloskova et al. divide by τ = 1 + min(d/s², √d/s) to make it one). With √d/s ≥ 1, keep Choco's consensus step small.
/// </remarks>
public sealed class QsgdCompressor<T> : ICompressor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public QsgdCompressor(int dimension, int levels)
    {
        Dimension = CompressorChecks.RequireDimension(dimension);
        Levels = new CompressorSettings { Levels = levels }.Levels;
    }

    public int Dimension { get; }

    /// <summary>s.</summary>
    public int Levels { get; }

    public void Compress(ReadOnlySpan<T> x, Span<T> destination, ref StepRandom random)
    {
        CompressorChecks.RequireLengths(Dimension, x, destination);
        var norm = T.Sqrt(VectorMath.Dot(x, x));
        var levels = T.CreateChecked(Levels);
        for (var i = 0; i < x.Length; i++)
        {
            // One draw per coordinate whatever the value, so the stream position depends on d alone.
            var u = random.NextDouble();
            if (norm == T.Zero)
            {
                destination[i] = T.Zero;
                continue;
            }
            var scaled = double.CreateChecked(T.Abs(x[i]) / norm * levels);
            var level = Math.Floor(scaled);
            if (u < scaled - level)
                level++;
            // |x_i| ≤ ‖x‖₂, but a rounded norm can be a hair below a lone coordinate.
            level = Math.Min(level, Levels);
            var magnitude = norm * T.CreateChecked(level) / levels;
            destination[i] = T.IsNegative(x[i]) ? -magnitude : magnitude;
        }
    }

    public long EncodedBytes(int dimension)
    {
        var bitsPerCoordinate = 1L + BitOperations.Log2((uint)Levels) + 1;
        return Unsafe.SizeOf<T>() + (((CompressorChecks.RequireDimension(dimension) * bitsPerCoordinate) + 7) / 8);
    }
}
