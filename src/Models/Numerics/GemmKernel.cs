using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RelayActors.Models.Numerics;

/// <summary>
/// The micro-kernels of <see cref="Gemm"/>: one <see cref="Rows"/>×<see cref="Columns"/> tile of C from a packed
/// A micro-panel (kc steps of <see cref="Rows"/> floats) and a packed B micro-panel (kc steps of <see cref="Columns"/>
/// floats), as laid out by <see cref="GemmPacking"/>. The tile is then written as C ← α·AB + β·C.
/// </summary>
/// <remarks>
/// 6×16 keeps 12 accumulators, 2 B vectors and 1 broadcast A value in the 16 YMM registers of AVX2 (the BLIS
/// Haswell/Zen shape); 12 independent FMAs per step cover Zen 3's 2 FMA pipes × 4-cycle latency. Every element of C
/// follows the same arithmetic whatever tile it falls in (edge tiles use a scalar fused multiply-add), so the result
/// does not depend on how C was split among threads.
/// </remarks>
internal static unsafe class GemmKernel
{
    /// <summary>MR: rows of C per tile.</summary>
    public const int Rows = 6;

    /// <summary>NR: columns of C per tile.</summary>
    public const int Columns = 16;

    /// <summary>Floats of the scratch tile an edge tile goes through.</summary>
    public const int ScratchLength = Rows * Columns;

    /// <summary>Whether the AVX2 + FMA kernel runs on this machine.</summary>
    public static bool IsAccelerated => Fma.IsSupported && Avx2.IsSupported;

    /// <summary>
    /// The Vector256 + FMA kernel. Writes the <paramref name="rows"/>×<paramref name="columns"/> top-left part of the
    /// tile at <paramref name="c"/>; a partial tile goes through <paramref name="scratch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accelerated(
        int kc, float* a, float* b, float* c, int ldc, int rows, int columns, float alpha, float beta, float* scratch)
    {
        // The C tile is read (or written) only after the k loop; asking for its lines now hides the miss behind it.
        if (Sse.IsSupported)
        {
            for (var r = 0; r < rows; r++)
            {
                Sse.Prefetch0(c + (r * ldc));
                Sse.Prefetch0(c + (r * ldc) + Columns - 1);
            }
        }
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        var p = 0;
        // Two steps per iteration halve the loop overhead next to the 24 FMAs.
        for (; p + 2 <= kc; p += 2, a += 2 * Rows, b += 2 * Columns)
        {
            Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Step(a + Rows, b + Columns, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
        }
        if (p < kc)
            Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);

        var full = rows == Rows && columns == Columns;
        var target = full ? c : scratch;
        var stride = full ? ldc : Columns;
        var tileBeta = full ? beta : 0f;
        var tileAlpha = full ? alpha : 1f;
        StoreRow(target, c00, c01, tileAlpha, tileBeta);
        StoreRow(target + stride, c10, c11, tileAlpha, tileBeta);
        StoreRow(target + (2 * stride), c20, c21, tileAlpha, tileBeta);
        StoreRow(target + (3 * stride), c30, c31, tileAlpha, tileBeta);
        StoreRow(target + (4 * stride), c40, c41, tileAlpha, tileBeta);
        StoreRow(target + (5 * stride), c50, c51, tileAlpha, tileBeta);
        if (!full)
            UpdatePartial(scratch, c, ldc, rows, columns, alpha, beta);
    }

    /// <summary>The kernel for machines without AVX2/FMA: <see cref="Vector{T}"/> rows, separate multiply and add.</summary>
    public static void Portable(
        int kc, float* a, float* b, float* c, int ldc, int rows, int columns, float alpha, float beta, float* scratch)
    {
        var tile = new Span<float>(scratch, ScratchLength);
        tile.Clear();
        var width = Vector<float>.Count;
        for (var p = 0; p < kc; p++, a += Rows, b += Columns)
        {
            for (var r = 0; r < Rows; r++)
            {
                var x = new Vector<float>(a[r]);
                var row = tile.Slice(r * Columns, Columns);
                for (var j = 0; j + width <= Columns; j += width)
                    (new Vector<float>(row[j..]) + (x * new Vector<float>(new ReadOnlySpan<float>(b + j, width)))).CopyTo(row[j..]);
            }
        }
        UpdatePartial(scratch, c, ldc, rows, columns, alpha, beta);
    }

    /// <summary>One depth step: the outer product of 6 A values and 16 B values added into the 12 accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(
        float* a, float* b,
        ref Vector256<float> c00, ref Vector256<float> c01, ref Vector256<float> c10, ref Vector256<float> c11,
        ref Vector256<float> c20, ref Vector256<float> c21, ref Vector256<float> c30, ref Vector256<float> c31,
        ref Vector256<float> c40, ref Vector256<float> c41, ref Vector256<float> c50, ref Vector256<float> c51)
    {
        var b0 = Avx.LoadVector256(b);
        var b1 = Avx.LoadVector256(b + 8);
        var x = Avx.BroadcastScalarToVector256(a);
        c00 = Fma.MultiplyAdd(x, b0, c00);
        c01 = Fma.MultiplyAdd(x, b1, c01);
        x = Avx.BroadcastScalarToVector256(a + 1);
        c10 = Fma.MultiplyAdd(x, b0, c10);
        c11 = Fma.MultiplyAdd(x, b1, c11);
        x = Avx.BroadcastScalarToVector256(a + 2);
        c20 = Fma.MultiplyAdd(x, b0, c20);
        c21 = Fma.MultiplyAdd(x, b1, c21);
        x = Avx.BroadcastScalarToVector256(a + 3);
        c30 = Fma.MultiplyAdd(x, b0, c30);
        c31 = Fma.MultiplyAdd(x, b1, c31);
        x = Avx.BroadcastScalarToVector256(a + 4);
        c40 = Fma.MultiplyAdd(x, b0, c40);
        c41 = Fma.MultiplyAdd(x, b1, c41);
        x = Avx.BroadcastScalarToVector256(a + 5);
        c50 = Fma.MultiplyAdd(x, b0, c50);
        c51 = Fma.MultiplyAdd(x, b1, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* row, Vector256<float> left, Vector256<float> right, float alpha, float beta)
    {
        var scale = Vector256.Create(alpha);
        if (beta == 0)
        {
            // β = 0 never reads C: whatever it held (NaN included) is overwritten.
            Avx.Store(row, Avx.Multiply(left, scale));
            Avx.Store(row + 8, Avx.Multiply(right, scale));
            return;
        }
        var keep = Vector256.Create(beta);
        Avx.Store(row, Fma.MultiplyAdd(left, scale, Avx.Multiply(Avx.LoadVector256(row), keep)));
        Avx.Store(row + 8, Fma.MultiplyAdd(right, scale, Avx.Multiply(Avx.LoadVector256(row + 8), keep)));
    }

    /// <summary>C ← α·tile + β·C on the valid part; the same fused rounding as <see cref="StoreRow"/>.</summary>
    private static void UpdatePartial(float* tile, float* c, int ldc, int rows, int columns, float alpha, float beta)
    {
        for (var r = 0; r < rows; r++, tile += Columns, c += ldc)
        {
            for (var j = 0; j < columns; j++)
                c[j] = beta == 0 ? tile[j] * alpha : MathF.FusedMultiplyAdd(tile[j], alpha, c[j] * beta);
        }
    }
}
