using System.Numerics;
using System.Numerics.Tensors;

namespace RelayActors.Models.Numerics;

/// <summary>
/// The one facade for vector math on flat buffers (conventions C7): <see cref="float"/> for models and messages,
/// <see cref="double"/> where the reference computes in float64 (random quadratics). Every method works on spans,
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
    public static void Add<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Add(x, y, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] − <paramref name="y"/>[i].</summary>
    public static void Subtract<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Subtract(x, y, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] · <paramref name="factor"/>.</summary>
    public static void Scale<T>(ReadOnlySpan<T> x, T factor, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Multiply(x, factor, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] / <paramref name="divisor"/>, correctly rounded (unlike scaling by the reciprocal).</summary>
    public static void Divide<T>(ReadOnlySpan<T> x, T divisor, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Divide(x, divisor, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] + <paramref name="addend"/> (the same scalar for every element).</summary>
    public static void Add<T>(ReadOnlySpan<T> x, T addend, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Add(x, addend, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] / <paramref name="y"/>[i] (element-wise).</summary>
    public static void Divide<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Divide(x, y, destination);

    /// <summary><paramref name="destination"/>[i] = √<paramref name="x"/>[i].</summary>
    public static void Sqrt<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Sqrt(x, destination);

    /// <summary><paramref name="destination"/>[i] = <paramref name="x"/>[i] · <paramref name="y"/>[i] (element-wise).</summary>
    public static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Multiply(x, y, destination);

    /// <summary>
    /// <paramref name="destination"/>[i] = <paramref name="x"/>[i] · <paramref name="factor"/> + <paramref name="addend"/>[i]
    /// (an axpy; <c>MultiplyAdd(grad, -lr, weights, weights)</c> is an in-place SGD step).
    /// </summary>
    public static void MultiplyAdd<T>(ReadOnlySpan<T> x, T factor, ReadOnlySpan<T> addend, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.MultiplyAdd(x, factor, addend, destination);

    /// <summary>Σ <paramref name="x"/>[i] · <paramref name="y"/>[i].</summary>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Dot(x, y);

    /// <summary>Σ <paramref name="x"/>[i]; zero for an empty span.</summary>
    public static T Sum<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Sum(x);

    /// <summary>Σ |<paramref name="x"/>[i]| (the L1 norm); zero for an empty span.</summary>
    public static T SumOfMagnitudes<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.SumOfMagnitudes(x);

    /// <summary>max_i |<paramref name="x"/>[i] − <paramref name="y"/>[i]| (the L∞ distance); zero for empty spans, NaN if any difference is NaN.</summary>
    public static T MaxAbsDifference<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"Spans must have equal lengths; got {x.Length} and {y.Length}", nameof(y));
        // Differences go through a fixed stack chunk so the call allocates nothing, whatever the length.
        Span<T> difference = stackalloc T[ChunkLength];
        var max = T.Zero;
        for (var start = 0; start < x.Length; start += ChunkLength)
        {
            var length = Math.Min(ChunkLength, x.Length - start);
            var chunk = difference[..length];
            TensorPrimitives.Subtract(x.Slice(start, length), y.Slice(start, length), chunk);
            var chunkMax = T.Abs(TensorPrimitives.MaxMagnitude(chunk));
            if (T.IsNaN(chunkMax))
                return T.NaN;
            max = T.Max(max, chunkMax);
        }
        return max;
    }

    /// <summary>Copies <paramref name="source"/> into the start of <paramref name="destination"/>.</summary>
    public static void Copy<T>(ReadOnlySpan<T> source, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> => source.CopyTo(destination);

    /// <summary>Sets every element of <paramref name="destination"/> to zero.</summary>
    public static void Clear<T>(Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> => destination.Clear();
}
