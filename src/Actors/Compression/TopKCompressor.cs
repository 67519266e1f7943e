using System.Numerics;
using System.Runtime.CompilerServices;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Compression;

/// <summary>
/// Top-k: keeps exactly the k coordinates of largest magnitude (ties go to the lower index), the rest zero; on the
/// wire k (value, index) pairs, k·(sizeof(T) + 4) bytes. A contraction: ‖Q(x) − x‖² ≤ (1 − k/d)‖x‖².
/// </summary>
/// <remarks>
/// Selection keeps a heap of the k best indices seen so far, ordered so that its root is the worst of them:
/// O(d log k) time, one int[k] buffer made once.
/// </remarks>
public sealed class TopKCompressor<T> : ICompressor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double _fraction;
    private readonly int[] _heap;

    public TopKCompressor(int dimension, double fraction)
    {
        Dimension = CompressorChecks.RequireDimension(dimension);
        _fraction = new CompressorSettings { Fraction = fraction }.Fraction;
        _heap = new int[CompressorSettings.KeptCoordinates(fraction, dimension)];
    }

    public int Dimension { get; }

    /// <summary>k: the coordinates kept.</summary>
    public int Kept => _heap.Length;

    public void Compress(ReadOnlySpan<T> x, Span<T> destination, ref StepRandom random)
    {
        CompressorChecks.RequireLengths(Dimension, x, destination);
        if (Kept == Dimension)
        {
            VectorMath.Copy(x, destination);
            return;
        }
        var size = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (size < _heap.Length)
            {
                _heap[size] = i;
                SiftUp(x, size++);
            }
            else if (Better(x, i, _heap[0]))
            {
                _heap[0] = i;
                SiftDown(x, 0);
            }
        }
        VectorMath.Clear(destination);
        foreach (var i in _heap)
            destination[i] = x[i];
    }

    public long EncodedBytes(int dimension) =>
        (long)CompressorSettings.KeptCoordinates(_fraction, dimension) * (Unsafe.SizeOf<T>() + CompressorChecks.IndexBytes);

    /// <summary>The total order of selection: larger magnitude first, then lower index.</summary>
    private static bool Better(ReadOnlySpan<T> x, int a, int b)
    {
        var magnitudeA = T.Abs(x[a]);
        var magnitudeB = T.Abs(x[b]);
        return magnitudeA > magnitudeB || (magnitudeA == magnitudeB && a < b);
    }

    /// <summary>Restores the heap order (every parent worse than its children) upwards from <paramref name="slot"/>.</summary>
    private void SiftUp(ReadOnlySpan<T> x, int slot)
    {
        while (slot > 0)
        {
            var parent = (slot - 1) / 2;
            if (!Better(x, _heap[parent], _heap[slot]))
                return;
            (_heap[parent], _heap[slot]) = (_heap[slot], _heap[parent]);
            slot = parent;
        }
    }

    private void SiftDown(ReadOnlySpan<T> x, int slot)
    {
        while (true)
        {
            var worst = slot;
            var left = (2 * slot) + 1;
            if (left < _heap.Length && Better(x, _heap[worst], _heap[left]))
                worst = left;
            if (left + 1 < _heap.Length && Better(x, _heap[worst], _heap[left + 1]))
                worst = left + 1;
            if (worst == slot)
                return;
            (_heap[worst], _heap[slot]) = (_heap[slot], _heap[worst]);
            slot = worst;
        }
    }
}
