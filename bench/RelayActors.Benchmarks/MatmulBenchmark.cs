using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RelayActors.Models.Numerics;

namespace RelayActors.Benchmarks;

/// <summary>
/// Scenario 11, single-precision matrix multiply: <see cref="Gemm.Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, int)"/>
/// against OpenBLAS <c>cblas_sgemm</c> on the same operands, paired repetition by repetition (OpenBLAS, then ours),
/// at 256³ and 1024³ (target: ours ≥ 85 % of OpenBLAS on 1 and 2 threads) and at the skinny shapes training makes
/// (a dense layer's batch, a convolution's im2col product and its two gradients). A register-only FMA loop gives
/// the machine's peak in the same run.
/// </summary>
internal static class MatmulBenchmark
{
    private const double TargetRatio = 0.85;

    /// <summary>Floating-point operations per timed repetition (≈ 0.1 s at 1 thread), so small shapes are repeated.</summary>
    private const double FlopsPerRepetition = 8e9;

    private static readonly Shape[] Shapes =
    [
        new("256³", 256, 256, 256, false, false, Targeted: true),
        new("1024³", 1024, 1024, 1024, false, false, Targeted: true),
        new("dense: (32×400)·(400×120)", 32, 120, 400, false, false, Targeted: false),
        new("conv forward: (6×25)·(25×25088)", 6, 25088, 25, false, false, Targeted: false),
        new("conv weight gradient: (6×25088)·(25×25088)ᵀ", 6, 25, 25088, false, true, Targeted: false),
        new("conv input gradient: (6×25)ᵀ·(6×25088)", 25, 25088, 6, true, false, Targeted: false),
    ];

    public static void Run(BenchOptions options, TextWriter output)
    {
        var blas = OpenBlas.TryLoad();
        var repetitions = options.Quick ? 5 : options.Repetitions;
        var table = new MarkdownTable(
            $"11. SGEMM, C ← A·B row-major, GFLOP/s (2mnk per call), median (min–max) of {repetitions}; ours paired with OpenBLAS",
            "Shape (m×k)·(k×n)", "Threads", "Ours GFLOP/s", "OpenBLAS GFLOP/s", "Ours ÷ OpenBLAS", "Target ≥ 85 %", "Ours ÷ peak");
        var peaks = new Dictionary<int, Summary>();
        foreach (var threads in new[] { 1, 2 })
            peaks[threads] = Measure.Repeat(1, repetitions, () => PeakGigaflops(threads));
        foreach (var shape in Shapes)
        {
            var operands = new Operands(shape);
            foreach (var threads in new[] { 1, 2 })
            {
                var calls = Math.Max(1, (int)(FlopsPerRepetition * threads / shape.Flops));
                double Ours() => Rate(shape, calls, () => operands.MultiplyWithGemm(threads));
                var peak = peaks[threads];
                if (blas is null)
                {
                    Measure.WarmUp(Ours, 3, TimeSpan.FromSeconds(0.3));
                    var alone = Measure.Repeat(0, repetitions, Ours);
                    table.Add(shape.Name, Text(threads), MarkdownTable.Plain(alone, "F1"), "not installed", "", "", MarkdownTable.Percent(alone, peak));
                    continue;
                }
                blas.SetThreads(threads);
                double Theirs() => Rate(shape, calls, () => operands.MultiplyWithOpenBlas(blas));
                Measure.WarmUp(Ours, 3, TimeSpan.FromSeconds(0.3));
                Measure.WarmUp(Theirs, 3, TimeSpan.FromSeconds(0.3));
                var paired = Paired.Measure(0, repetitions, Theirs, Ours);
                var met = !shape.Targeted ? "" : paired.Ratio.Median >= TargetRatio ? "yes" : "**no**";
                table.Add(shape.Name, Text(threads), MarkdownTable.Plain(paired.Subject, "F1"), MarkdownTable.Plain(paired.Baseline, "F1"),
                    paired.RatioText, met, MarkdownTable.Percent(paired.Subject, peak));
            }
            if (blas is not null)
                operands.CheckAgreement(blas);
        }
        table.Note(string.Create(CultureInfo.InvariantCulture,
            $"Peak (a register-only loop of 12 independent Vector256 FMAs per thread, same run): {MarkdownTable.Plain(peaks[1], "F1")} GFLOP/s on 1 thread, {MarkdownTable.Plain(peaks[2], "F1")} on 2. AVX2+FMA available: {Avx2.IsSupported && Fma.IsSupported}."));
        table.Note(blas is null
            ? $"OpenBLAS not found, so there is nothing to compare with; install it with `{OpenBlas.InstallHint}` (benchmark only)."
            : $"OpenBLAS: {blas.Path}, threads set with openblas_set_num_threads. Each repetition runs OpenBLAS, then ours; the ratio is the median of per-pair ratios.");
        table.Print(output);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Rate(Shape shape, int calls, Action multiply)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
            multiply();
        return shape.Flops * calls / watch.Elapsed.TotalSeconds / 1e9;
    }

    /// <summary>GFLOP/s of a loop that only multiply-adds registers, on <paramref name="threads"/> threads at once.</summary>
    private static double PeakGigaflops(int threads)
    {
        const int Iterations = 20_000_000;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => FmaLoop(Iterations));
        return 2.0 * 8 * 12 * Iterations * threads / watch.Elapsed.TotalSeconds / 1e9;
    }

    private static float FmaLoop(int iterations)
    {
        if (!Fma.IsSupported)
            return 0;
        var x = Vector256.Create(0.999f);
        var y = Vector256.Create(1e-7f);
        Vector256<float> a0 = y, a1 = y, a2 = y, a3 = y, a4 = y, a5 = y, a6 = y, a7 = y, a8 = y, a9 = y, a10 = y, a11 = y;
        for (var i = 0; i < iterations; i++)
        {
            a0 = Fma.MultiplyAdd(a0, x, y); a1 = Fma.MultiplyAdd(a1, x, y); a2 = Fma.MultiplyAdd(a2, x, y);
            a3 = Fma.MultiplyAdd(a3, x, y); a4 = Fma.MultiplyAdd(a4, x, y); a5 = Fma.MultiplyAdd(a5, x, y);
            a6 = Fma.MultiplyAdd(a6, x, y); a7 = Fma.MultiplyAdd(a7, x, y); a8 = Fma.MultiplyAdd(a8, x, y);
            a9 = Fma.MultiplyAdd(a9, x, y); a10 = Fma.MultiplyAdd(a10, x, y); a11 = Fma.MultiplyAdd(a11, x, y);
        }
        var sum = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
        return sum.GetElement(0);
    }

    private sealed record Shape(string Name, int M, int N, int K, bool TransposeA, bool TransposeB, bool Targeted)
    {
        public double Flops => 2.0 * M * N * K;
    }

    /// <summary>Random operands of one shape and a C for each implementation.</summary>
    private sealed class Operands
    {
        private readonly Shape _shape;
        private readonly float[] _a, _b, _ours, _theirs;
        private readonly int _lda, _ldb;

        public Operands(Shape shape)
        {
            _shape = shape;
            var random = new Random(20261122);
            _a = Random(random, shape.M * shape.K);
            _b = Random(random, shape.K * shape.N);
            _ours = new float[shape.M * shape.N];
            _theirs = new float[shape.M * shape.N];
            _lda = shape.TransposeA ? shape.M : shape.K;
            _ldb = shape.TransposeB ? shape.K : shape.N;
        }

        public void MultiplyWithGemm(int threads) => Gemm.Multiply(
            _shape.TransposeA, _shape.TransposeB, _shape.M, _shape.N, _shape.K, 1f, _a, _lda, _b, _ldb, 0f, _ours, _shape.N, threads);

        public void MultiplyWithOpenBlas(OpenBlas blas) => blas.Multiply(
            _shape.TransposeA, _shape.TransposeB, _shape.M, _shape.N, _shape.K, 1f, _a, _lda, _b, _ldb, 0f, _theirs, _shape.N);

        /// <summary>Fails the run if the two products differ by more than float round-off over k terms.</summary>
        public void CheckAgreement(OpenBlas blas)
        {
            MultiplyWithGemm(1);
            MultiplyWithOpenBlas(blas);
            var tolerance = 1e-5 * Math.Sqrt(_shape.K) * Math.Sqrt(_shape.K / 3.0);
            for (var i = 0; i < _ours.Length; i++)
            {
                if (Math.Abs(_ours[i] - _theirs[i]) > tolerance)
                    throw new InvalidOperationException($"{_shape.Name}: element {i} is {_ours[i]} here and {_theirs[i]} in OpenBLAS (tolerance {tolerance})");
            }
        }

        private static float[] Random(Random random, int length)
        {
            var values = new float[length];
            for (var i = 0; i < length; i++)
                values[i] = (float)((random.NextDouble() * 2) - 1);
            return values;
        }
    }
}
