namespace RelayActors.Models.Numerics;

/// <summary>
/// Single-precision matrix multiply on row-major matrices: C ← α·op(A)·op(B) + β·C, where op(A) is m×k and op(B)
/// is k×n. <c>transposeA</c> means A is stored k×m (row stride <c>lda</c> ≥ m) instead of m×k (<c>lda</c> ≥ k);
/// likewise for B. With β = 0, C is overwritten (NaNs in it do not propagate), as BLAS does.
/// </summary>
/// <remarks>
/// A packed, cache-blocked AVX2 + FMA kernel (<see cref="GemmDriver"/>, <see cref="GemmKernel"/>), with a
/// <see cref="System.Numerics.Vector{T}"/> kernel where AVX2/FMA is missing. Thread-safe: pack buffers are per thread,
/// and a call allocates nothing on its own thread once warmed up (a multi-threaded call allocates its task set-up).
/// C must not overlap A or B. Results are bit-identical for every <c>maxThreads</c>.
/// </remarks>
public static class Gemm
{
    /// <summary>Multiply-adds a thread must get before a second one is worth waking (≈ 20 µs of kernel time).</summary>
    internal const long MinimumWorkPerThread = 1L << 20;

    /// <summary>C ← α·op(A)·op(B) + β·C, using up to <paramref name="maxThreads"/> threads where the size pays for them.</summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int maxThreads = 1) =>
        Multiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, maxThreads, GemmKernel.IsAccelerated);

    /// <summary>As the public overload; <paramref name="accelerated"/> = false forces the portable kernel (for tests).</summary>
    internal static unsafe void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int maxThreads,
        bool accelerated)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxThreads);
        RequireMatrix(a.Length, transposeA ? k : m, transposeA ? m : k, lda, nameof(a), nameof(lda));
        RequireMatrix(b.Length, transposeB ? n : k, transposeB ? k : n, ldb, nameof(b), nameof(ldb));
        RequireMatrix(c.Length, m, n, ldc, nameof(c), nameof(ldc));
        if (m == 0 || n == 0)
            return;

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var problem = new GemmProblem(transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            var threads = (int)Math.Min(Math.Min(maxThreads, Environment.ProcessorCount), Math.Max(1, problem.Work / MinimumWorkPerThread));
            if (threads == 1)
                GemmDriver.Run(problem, accelerated);
            else
                RunParallel(problem, threads, accelerated);
        }
    }

    /// <summary>
    /// Splits C into <paramref name="threads"/> bands of whole tiles along its longer side. Each band packs its own
    /// blocks: a row split re-packs B per thread, a column split A, so the split copies the smaller operand twice.
    /// </summary>
    private static void RunParallel(GemmProblem problem, int threads, bool accelerated)
    {
        var byRows = problem.M >= problem.N;
        var unit = byRows ? GemmKernel.Rows : GemmKernel.Columns;
        var extent = byRows ? problem.M : problem.N;
        var units = (extent + unit - 1) / unit;
        threads = Math.Min(threads, units);
        if (threads == 1)
        {
            GemmDriver.Run(problem, accelerated);
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, threads, options, t =>
        {
            var start = (int)((long)units * t / threads) * unit;
            var end = Math.Min(extent, (int)((long)units * (t + 1) / threads) * unit);
            var band = byRows ? problem.Rows(start, end - start) : problem.Columns(start, end - start);
            GemmDriver.Run(band, accelerated);
        });
    }

    /// <summary>Throws unless a span of <paramref name="length"/> floats holds a rows×columns matrix with row stride <paramref name="stride"/>.</summary>
    private static void RequireMatrix(int length, int rows, int columns, int stride, string spanName, string strideName)
    {
        if (stride < Math.Max(1, columns))
            throw new ArgumentOutOfRangeException(strideName, stride, $"The row stride must be at least max(1, {columns}), the stored row length");
        if (rows == 0 || columns == 0)
            return;
        var needed = ((long)(rows - 1) * stride) + columns;
        if (length < needed)
            throw new ArgumentException($"Holds {length} floats; a {rows}×{columns} matrix with row stride {stride} needs {needed}", spanName);
    }
}
