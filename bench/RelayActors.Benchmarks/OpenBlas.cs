using System.Runtime.InteropServices;

namespace RelayActors.Benchmarks;

/// <summary>
/// OpenBLAS's <c>cblas_sgemm</c>, bound at run time so that the benchmark (never the library or its tests) depends on
/// it only when it is installed: <c>apt-get install -y libopenblas0-pthread</c>.
/// </summary>
internal sealed unsafe class OpenBlas
{
    /// <summary>The command that installs the library on Debian.</summary>
    public const string InstallHint = "apt-get install -y libopenblas0-pthread";

    private const int RowMajor = 101;
    private const int NoTranspose = 111;
    private const int Transpose = 112;

    private static readonly string[] Candidates =
    [
        "libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
    ];

    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;
    private readonly delegate* unmanaged<int, void> _setThreads;

    private OpenBlas(string path, nint library)
    {
        Path = path;
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)
            NativeLibrary.GetExport(library, "cblas_sgemm");
        _setThreads = (delegate* unmanaged<int, void>)NativeLibrary.GetExport(library, "openblas_set_num_threads");
    }

    /// <summary>The name or path it was loaded from.</summary>
    public string Path { get; }

    /// <summary>The library if one of the usual names loads, else null.</summary>
    public static OpenBlas? TryLoad()
    {
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var library))
                return new OpenBlas(candidate, library);
        }
        return null;
    }

    /// <summary>Sets OpenBLAS's own thread count for the calls that follow.</summary>
    public void SetThreads(int threads) => _setThreads(threads);

    /// <summary>Row-major C ← α·op(A)·op(B) + β·C, the same contract as <c>Gemm.Multiply</c>.</summary>
    public void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc)
    {
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            _sgemm(RowMajor, transposeA ? Transpose : NoTranspose, transposeB ? Transpose : NoTranspose,
                m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }
}
