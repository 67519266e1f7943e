using System.Numerics.Tensors;

namespace RelayActors.Models.Numerics;

/// <summary>
/// The one facade for vector math on flat <see cref="float"/> buffers (conventions C7). Every method works on spans,
/// allocates nothing and forwards to <see cref="TensorPrimitives"/>, so a fallback loop is one edit away.
/// </summary>
/// <remarks>
/// Shapes follow <see cref="TensorPrimitives"/>: inputs must have equal lengths and the destination must be at least
/// as long (otherwise <see cref="ArgumentException"/>). An input may share memory with the destination only when both
/// start at the same element, which makes in-place updates such as <c>Add(x, y, x)</c> legal.
/// </remarks>
public static class VectorMath
{
    /// <summary>Number of elements <see cref="MaxAbsDifference"/> processes per stack chunk.</summary>
    private const int ChunkLength = 256;

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] + <paramref name="y"/>[i].</summary>
    public static void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) =>
        TensorPrimitives.Add(x, y, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] − <paramref name="y"/>[i].</summary>
    public static void Subtract(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) =>
        TensorPrimitives.Subtract(x, y, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] · <paramref name="factor"/>.</summary>
    public static void Scale(ReadOnlySpan<float> x, float factor, Span<float> destination) =>
        TensorPrimitives.Multiply(x, factor, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] / <paramref name="divisor"/>, correctly rounded (unlike scaling by the reciprocal).</summary>
    public static void Divide(ReadOnlySpan<float> x, float divisor, Span<float> destination) =>
        TensorPrimitives.Divide(x, divisor, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] · <paramref name="y"/>[i] (element-wise).</summary>
    public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) =>
        TensorPrimitives.Multiply(x, y, destination);

    /// <summary>
    /// <paramref name="destination"/>[i] = <paramref name="x"/>[i] · <paramref name="factor"/> + <paramref name="addend"/>[i]
    /// (an axpy; <c>MultiplyAdd(grad, -lr, weights, weights)</c> is an in-place SGD step).
    /// </summary>
    public static void MultiplyAdd(ReadOnlySpan<float> x, float factor, ReadOnlySpan<float> addend, Span<float> destination) =>
        TensorPrimitives.MultiplyAdd(x, factor, addend, destination);

    /// <summary>Σ <paramref name="x"/>[i] · <paramref name="y"/>[i].</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => TensorPrimitives.Dot(x, y);

    /// <summary>Σ <paramref name="x"/>[i]; zero for an empty span.</summary>
    public static float Sum(ReadOnlySpan<float> x) => TensorPrimitives.Sum(x);

    /// <summary>max_i |<paramref name="x"/>[i] − <paramref name="y"/>[i]| (the L∞ distance); zero for empty spans, NaN if any difference is NaN.</summary>
    public static float MaxAbsDifference(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"Spans must have equal lengths; got {x.Length} and {y.Length}", nameof(y));
        // Differences go through a fixed stack chunk so the call allocates nothing, whatever the length.
        Span<float> difference = stackalloc float[ChunkLength];
        var max = 0f;
        for (var start = 0; start < x.Length; start += ChunkLength)
        {
            var length = Math.Min(ChunkLength, x.Length - start);
            var chunk = difference[..length];
            TensorPrimitives.Subtract(x.Slice(start, length), y.Slice(start, length), chunk);
            var chunkMax = MathF.Abs(TensorPrimitives.MaxMagnitude(chunk));
            if (float.IsNaN(chunkMax))
                return float.NaN;
            max = MathF.Max(max, chunkMax);
        }
        return max;
    }

    /// <summary>Copies <paramref name="source"/> into the start of <paramref name="destination"/>.</summary>
    public static void Copy(ReadOnlySpan<float> source, Span<float> destination) => source.CopyTo(destination);

    /// <summary>Sets every element of <paramref name="destination"/> to zero.</summary>
    public static void Clear(Span<float> destination) => destination.Clear();
}
