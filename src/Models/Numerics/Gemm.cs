namespace RelayActors.Models.Numerics;

/// <summary>
/// Single-precision matrix multiply on row-major matrices: C ← α·op(A)·op(B) + β·C, where op(A) is m×k and op(B)
/// is k×n. <c>transposeA</c> means A is stored k×m (row stride <c>lda</c> ≥ m) instead of m×k (<c>lda</c> ≥ k);
/// likewise for B. With β = 0, C is overwritten (NaNs in it do not propagate), as BLAS does.
/// </summary>
public static class Gemm
{
    /// <summary>C ← α·op(A)·op(B) + β·C, using up to <paramref name="maxThreads"/> threads where the size pays for them.</summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int maxThreads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxThreads);
        // Reference implementation; the blocked kernel replaces it.
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    var x = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                    var y = transposeB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += x * y;
                }
                ref var target = ref c[(i * ldc) + j];
                target = beta == 0 ? alpha * sum : (alpha * sum) + (beta * target);
            }
        }
    }
}
