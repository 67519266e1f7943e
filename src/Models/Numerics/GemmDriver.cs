namespace RelayActors.Models.Numerics;

/// <summary>
/// The cache-blocked loops of <see cref="Gemm"/> on one thread (the BLIS/Goto order): for each NC-column block of B
/// and KC-deep slice, pack the B block (to stay in L3), then for each MC-row block of A pack it (to stay in L2), then
/// sweep 16-column B micro-panels (L1) against 6-row A micro-panels in the <see cref="GemmKernel"/>.
/// </summary>
/// <remarks>
/// The depth blocking is the same for every sub-problem, so each element of C is accumulated in the same order
/// however C was divided among threads: results are bit-identical for any thread count.
/// </remarks>
internal static unsafe class GemmDriver
{
    /// <summary>KC: depth of a packed slice; a 16-column B micro-panel is KC·64 B = 16 KiB, half of Zen 3's L1d.</summary>
    public const int DepthBlock = 256;

    /// <summary>MC: rows of a packed A block, 144·KC·4 B = 144 KiB, within the 512 KiB L2.</summary>
    public const int RowBlock = 144;

    /// <summary>NC: columns of a packed B block, KC·NC·4 B ≈ 4 MiB, a share of the 32 MiB L3.</summary>
    public const int ColumnBlock = 4080;

    /// <summary>Computes the whole <paramref name="problem"/> on the calling thread.</summary>
    public static void Run(in GemmProblem problem, bool accelerated)
    {
        if (problem.M == 0 || problem.N == 0)
            return;
        if (problem.K == 0 || problem.Alpha == 0)
        {
            ScaleC(problem);
            return;
        }
        var workspace = GemmWorkspace.Current;
        var depthBlock = Math.Min(DepthBlock, problem.K);
        var rowBlock = Math.Min(RowBlock, RoundUp(problem.M, GemmKernel.Rows));
        var columnBlock = Math.Min(ColumnBlock, RoundUp(problem.N, GemmKernel.Columns));
        var packedA = workspace.PackedA(rowBlock * depthBlock);
        var packedB = workspace.PackedB(columnBlock * depthBlock);
        var scratch = stackalloc float[GemmKernel.ScratchLength];

        for (var jc = 0; jc < problem.N; jc += ColumnBlock)
        {
            var nc = Math.Min(ColumnBlock, problem.N - jc);
            for (var pc = 0; pc < problem.K; pc += DepthBlock)
            {
                var kc = Math.Min(DepthBlock, problem.K - pc);
                // β applies once, with the first depth slice; later slices accumulate onto it.
                var beta = pc == 0 ? problem.Beta : 1f;
                GemmPacking.PackB(problem, pc, kc, jc, nc, packedB);
                for (var ic = 0; ic < problem.M; ic += RowBlock)
                {
                    var mc = Math.Min(RowBlock, problem.M - ic);
                    GemmPacking.PackA(problem, ic, mc, pc, kc, packedA);
                    var block = problem.C + ((long)ic * problem.Ldc) + jc;
                    SweepBlock(kc, mc, nc, packedA, packedB, block, problem.Ldc, problem.Alpha, beta, scratch, accelerated);
                }
            }
        }
    }

    private static void SweepBlock(
        int kc, int mc, int nc, float* packedA, float* packedB, float* c, int ldc, float alpha, float beta, float* scratch, bool accelerated)
    {
        for (var jr = 0; jr < nc; jr += GemmKernel.Columns)
        {
            var columns = Math.Min(GemmKernel.Columns, nc - jr);
            var panelB = packedB + (jr * kc);
            for (var ir = 0; ir < mc; ir += GemmKernel.Rows)
            {
                var rows = Math.Min(GemmKernel.Rows, mc - ir);
                var panelA = packedA + (ir * kc);
                var tile = c + ((long)ir * ldc) + jr;
                if (accelerated)
                    GemmKernel.Accelerated(kc, panelA, panelB, tile, ldc, rows, columns, alpha, beta, scratch);
                else
                    GemmKernel.Portable(kc, panelA, panelB, tile, ldc, rows, columns, alpha, beta, scratch);
            }
        }
    }

    /// <summary>C ← β·C, the whole product when it is empty (k = 0) or scaled away (α = 0).</summary>
    private static void ScaleC(in GemmProblem problem)
    {
        for (var i = 0; i < problem.M; i++)
        {
            var row = new Span<float>(problem.C + ((long)i * problem.Ldc), problem.N);
            if (problem.Beta == 0)
                row.Clear();
            else
                VectorMath.Scale(row, problem.Beta, row);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
