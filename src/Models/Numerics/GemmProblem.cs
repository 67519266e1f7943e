namespace RelayActors.Models.Numerics;

/// <summary>
/// One validated multiply C ← α·op(A)·op(B) + β·C on pinned row-major storage (the arguments of
/// <see cref="Gemm.Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, int)"/>).
/// The pointers stay valid only while the caller keeps the spans pinned.
/// </summary>
internal readonly unsafe struct GemmProblem(
    bool transposeA, bool transposeB, int m, int n, int k, float alpha,
    float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
{
    public bool TransposeA { get; } = transposeA;
    public bool TransposeB { get; } = transposeB;
    public int M { get; } = m;
    public int N { get; } = n;
    public int K { get; } = k;
    public float Alpha { get; } = alpha;
    public float* A { get; } = a;
    public int Lda { get; } = lda;
    public float* B { get; } = b;
    public int Ldb { get; } = ldb;
    public float Beta { get; } = beta;
    public float* C { get; } = c;
    public int Ldc { get; } = ldc;

    /// <summary>Multiply-adds the product takes: m·n·k.</summary>
    public long Work => (long)M * N * K;

    /// <summary>The sub-problem for rows [<paramref name="first"/>, +<paramref name="count"/>) of C.</summary>
    public GemmProblem Rows(int first, int count) => new(
        TransposeA, TransposeB, count, N, K, Alpha,
        A + (TransposeA ? first : (long)first * Lda), Lda, B, Ldb, Beta, C + ((long)first * Ldc), Ldc);

    /// <summary>The sub-problem for columns [<paramref name="first"/>, +<paramref name="count"/>) of C.</summary>
    public GemmProblem Columns(int first, int count) => new(
        TransposeA, TransposeB, M, count, K, Alpha,
        A, Lda, B + (TransposeB ? (long)first * Ldb : first), Ldb, Beta, C + first, Ldc);
}
