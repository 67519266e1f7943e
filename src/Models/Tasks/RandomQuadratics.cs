using RelayActors.Models.Numerics;

namespace RelayActors.Models.Tasks;

/// <summary>
/// The random quadratics of spec §4.2, in float64 as the reference: f(x) = (1/n) Σ_i f_i(x) with
/// f_i(x) = ||A_i x − b_i||², constructed so that every A_i has prescribed singular values, the heterogeneity at the
/// optimum is ζ² and the optimum x* lies at distance r0 from the origin. Immutable once created; the per-step
/// members (<see cref="Gradient(int, ReadOnlySpan{double}, Span{double})"/>, <see cref="AddNoise"/>) allocate nothing
/// and may be called from several threads at once.
/// </summary>
public sealed class RandomQuadratics
{
    /// <summary>Largest dimension whose scratch vector lives on the stack; larger ones allocate (set-up sizes only).</summary>
    private const int StackLimit = 512;

    /// <summary>A_i, row-major d×d each.</summary>
    private readonly double[][] _matrices;

    /// <summary>b_i, length d each.</summary>
    private readonly double[][] _targets;

    /// <summary>H = (1/n) Σ_i A_iᵀA_i, row-major d×d: f(x) − f(x*) = (x − x*)ᵀ H (x − x*).</summary>
    private readonly double[] _hessian;

    private readonly double[] _optimum;

    private RandomQuadratics(QuadraticsSettings settings, double[][] matrices, double[][] targets, double[] hessian,
        double[] optimum, double localSmoothness, double localStrongConvexity)
    {
        Settings = settings;
        _matrices = matrices;
        _targets = targets;
        _hessian = hessian;
        _optimum = optimum;
        LocalSmoothness = localSmoothness;
        LocalStrongConvexity = localStrongConvexity;
        Zeta2 = Heterogeneity(optimum);
    }

    /// <summary>The settings this problem was built from.</summary>
    public QuadraticsSettings Settings { get; }

    /// <summary>Number of workers n.</summary>
    public int Workers => _matrices.Length;

    /// <summary>Dimension d of x.</summary>
    public int Dimension => _optimum.Length;

    /// <summary>The global minimiser x* of f, with ||x*|| = r0.</summary>
    public ReadOnlySpan<double> Optimum => _optimum;

    /// <summary>Heterogeneity achieved at the optimum, (1/n) Σ_i ||∇_i(x*)||²: the target ζ² to within 1e-5 (see <see cref="Create"/>).</summary>
    public double Zeta2 { get; }

    /// <summary>max_i σ_max(A_i)²: the Lipschitz constant of the local gradients ∇_i (L² with μ set, 1 without).</summary>
    public double LocalSmoothness { get; }

    /// <summary>min_i σ_min(A_i)²: the strong-convexity constant of the local gradients ∇_i (μ² with μ set).</summary>
    public double LocalStrongConvexity { get; }

    /// <summary>
    /// Builds the problem; the same settings give a bit-identical problem. Draws, in order, from one
    /// <c>new Random(Seed)</c>: the n matrices A_i (row by row), the n offset directions o_i, then x*.
    /// </summary>
    /// <remarks>
    /// Steps (spec §4.2): (1) A_i ~ N(0,1)^{d×d}; with μ set, its singular values are replaced by linspace(μ, L, d)
    /// (paired, as the reference does, with the singular vectors in descending order of the original values);
    /// otherwise A_i is divided by its largest singular value. (2) b_i = A_i(s·o_i − x̂) where x̂ is the least-squares
    /// optimum of the offsets, so the optimum is 0. Every gradient at 0 is then linear in s, so ζ²(s) = s²·ζ²(1)
    /// exactly and s = √(target / ζ²(1)) replaces the reference's binary search on s; the achieved ζ² is checked to be
    /// within 1e-5 of the target (absolute, as the reference; relative for targets above 1). (3) x* ~ N(0, I) scaled to
    /// length r0, and b_i += A_i x*, which moves the optimum to x* and leaves every gradient at the optimum unchanged.
    /// </remarks>
    public static RandomQuadratics Create(QuadraticsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var n = settings.Workers;
        var d = settings.Dimension;
        var sampler = new NormalSampler(new Random(settings.Seed));

        var matrices = new double[n][];
        var localSmoothness = 0.0;
        var localStrongConvexity = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            var (matrix, largest, smallest) = ConditionedMatrix(sampler, d, settings.Mu, settings.Smoothness);
            matrices[i] = matrix;
            localSmoothness = Math.Max(localSmoothness, largest * largest);
            localStrongConvexity = Math.Min(localStrongConvexity, smallest * smallest);
        }
        var hessian = new double[d * d];
        foreach (var a in matrices)
            AddGram(a, d, 1.0 / n, hessian);
        var cholesky = CholeskyDecomposition.Compute(MatrixMath.FromRowMajor(hessian, d));

        // Step 2 at s = 1: b_i = A_i(o_i − x̂), with x̂ solving H x̂ = (1/n) Σ A_iᵀA_i o_i.
        var offsets = new double[n][];
        var rightHandSide = new double[d];
        var moved = new double[d];
        for (var i = 0; i < n; i++)
        {
            offsets[i] = new double[d];
            sampler.Fill(offsets[i]);
            Array.Clear(moved);
            AddProduct(matrices[i], d, offsets[i], moved);
            AddTransposedProduct(matrices[i], d, moved, rightHandSide);
        }
        VectorMath.Divide<double>(rightHandSide, n, rightHandSide);
        var leastSquares = new double[d];
        cholesky.Solve(rightHandSide, leastSquares);
        var targets = new double[n][];
        for (var i = 0; i < n; i++)
        {
            VectorMath.Subtract<double>(offsets[i], leastSquares, offsets[i]);
            targets[i] = new double[d];
            AddProduct(matrices[i], d, offsets[i], targets[i]);
        }
        ScaleToHeterogeneity(matrices, targets, d, settings.Zeta2);

        var optimum = new double[d];
        sampler.Fill(optimum);
        VectorMath.Scale<double>(optimum, settings.R0 / Math.Sqrt(VectorMath.Dot<double>(optimum, optimum)), optimum);
        for (var i = 0; i < n; i++)
            AddProduct(matrices[i], d, optimum, targets[i]);

        var problem = new RandomQuadratics(settings, matrices, targets, hessian, optimum, localSmoothness, localStrongConvexity);
        if (Math.Abs(problem.Zeta2 - settings.Zeta2) > 1e-5 * Math.Max(1.0, settings.Zeta2))
            throw new InvalidOperationException($"Reached ζ² = {problem.Zeta2} for target {settings.Zeta2} (seed {settings.Seed})");
        return problem;
    }

    /// <summary>
    /// Writes the local gradient the reference uses, ∇_i(x) = A_iᵀ(A_i x − b_i) (half the true gradient of f_i),
    /// into <paramref name="gradient"/>, which must not overlap <paramref name="x"/>. Allocates nothing.
    /// </summary>
    public void Gradient(int worker, ReadOnlySpan<double> x, Span<double> gradient)
    {
        var a = Matrix(worker);
        var b = _targets[worker];
        CheckLength(x, nameof(x));
        CheckLength(gradient, nameof(gradient));
        if (x.Overlaps(gradient))
            throw new ArgumentException("The gradient must not share memory with x: each row of A_i reads all of x", nameof(gradient));
        var d = Dimension;
        gradient.Clear();
        // Σ_k (row_k·x − b_k)·row_k: no residual buffer needed.
        for (var k = 0; k < d; k++)
        {
            var row = a.Slice(k * d, d);
            VectorMath.MultiplyAdd(row, VectorMath.Dot(row, x) - b[k], gradient, gradient);
        }
    }

    /// <summary>The stochastic gradient: <see cref="Gradient(int, ReadOnlySpan{double}, Span{double})"/> plus <see cref="AddNoise"/>.</summary>
    public void Gradient(int worker, ReadOnlySpan<double> x, Span<double> gradient, NormalSampler sampler)
    {
        Gradient(worker, x, gradient);
        AddNoise(gradient, sampler);
    }

    /// <summary>
    /// Adds (σ/√d)·N(0, I) to <paramref name="gradient"/>, so that E||noise||² = σ². Draws nothing when σ = 0, as the
    /// reference. Allocates nothing.
    /// </summary>
    public void AddNoise(Span<double> gradient, NormalSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        CheckLength(gradient, nameof(gradient));
        if (Settings.Noise == 0)
            return;
        var scale = Settings.Noise / Math.Sqrt(Dimension);
        for (var k = 0; k < gradient.Length; k++)
            gradient[k] += scale * sampler.Next();
    }

    /// <summary>f_i(x) = ||A_i x − b_i||², worker <paramref name="worker"/>'s loss.</summary>
    public double LocalValue(int worker, ReadOnlySpan<double> x)
    {
        var a = Matrix(worker);
        var b = _targets[worker];
        CheckLength(x, nameof(x));
        var d = Dimension;
        var sum = 0.0;
        for (var k = 0; k < d; k++)
        {
            var residual = VectorMath.Dot(a.Slice(k * d, d), x) - b[k];
            sum += residual * residual;
        }
        return sum;
    }

    /// <summary>f(x) = (1/n) Σ_i ||A_i x − b_i||².</summary>
    public double Value(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < Workers; i++)
            sum += LocalValue(i, x);
        return sum / Workers;
    }

    /// <summary>
    /// f(x) − f(x*), computed as (x − x*)ᵀ H (x − x*) with H = (1/n) Σ A_iᵀA_i (equal for this f because the gradient
    /// vanishes at x*). Unlike subtracting two values of f it stays accurate near the optimum when f(x*) is large.
    /// </summary>
    public double Suboptimality(ReadOnlySpan<double> x)
    {
        CheckLength(x, nameof(x));
        var d = Dimension;
        var sum = 0.0;
        for (var j = 0; j < d; j++)
        {
            var row = 0.0;
            for (var k = 0; k < d; k++)
                row += _hessian[(j * d) + k] * (x[k] - _optimum[k]);
            sum += (x[j] - _optimum[j]) * row;
        }
        return sum;
    }

    /// <summary>(1/n) Σ_i ||∇_i(x)||²: the heterogeneity ζ² measured at <paramref name="x"/> (at x* it is <see cref="Zeta2"/>).</summary>
    public double Heterogeneity(ReadOnlySpan<double> x)
    {
        var d = Dimension;
        Span<double> gradient = d <= StackLimit ? stackalloc double[d] : new double[d];
        var sum = 0.0;
        for (var i = 0; i < Workers; i++)
        {
            Gradient(i, x, gradient);
            sum += VectorMath.Dot<double>(gradient, gradient);
        }
        return sum / Workers;
    }

    /// <summary>A_i row-major, for tests and analysis.</summary>
    internal ReadOnlySpan<double> Matrix(int worker)
    {
        if ((uint)worker >= (uint)Workers)
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"Worker must be in 0..{Workers - 1}");
        return _matrices[worker];
    }

    /// <summary>b_i, for tests and analysis.</summary>
    internal ReadOnlySpan<double> Target(int worker)
    {
        Matrix(worker);
        return _targets[worker];
    }

    private void CheckLength(ReadOnlySpan<double> vector, string paramName)
    {
        if (vector.Length != Dimension)
            throw new ArgumentException($"Got {vector.Length} entries; the problem has dimension {Dimension}", paramName);
    }

    /// <summary>Step 1: a random A_i with fixed singular values (or normalised), row-major, and its extreme singular values.</summary>
    private static (double[] Matrix, double Largest, double Smallest) ConditionedMatrix(NormalSampler sampler, int d, double? mu, double smoothness)
    {
        var a = MatrixMath.Zeros(d, d);
        foreach (var row in a)
            sampler.Fill(row);
        var svd = SingularValueDecomposition.Compute(a);
        if (mu is { } smallest)
        {
            var singularValues = new double[d];
            for (var k = 0; k < d; k++)
                singularValues[k] = d == 1 ? smallest : smallest + ((smoothness - smallest) * k / (d - 1));
            return (MatrixMath.ToRowMajor(svd.Reconstruct(singularValues)), singularValues[d - 1], singularValues[0]);
        }
        var largest = svd.SingularValues[0];
        var flat = MatrixMath.ToRowMajor(a);
        VectorMath.Divide<double>(flat, largest, flat);
        return (flat, 1.0, svd.SingularValues[d - 1] / largest);
    }

    /// <summary>Step 2's scale: multiplies every b_i by s so that (1/n) Σ ||A_iᵀ b_i||² (the ζ² at x* = 0) equals <paramref name="zeta2"/>.</summary>
    private static void ScaleToHeterogeneity(double[][] matrices, double[][] targets, int d, double zeta2)
    {
        var n = matrices.Length;
        var gradient = new double[d];
        var atUnitScale = 0.0;
        for (var i = 0; i < n; i++)
        {
            Array.Clear(gradient);
            AddTransposedProduct(matrices[i], d, targets[i], gradient);
            atUnitScale += VectorMath.Dot<double>(gradient, gradient) / n;
        }
        if (zeta2 > 0 && atUnitScale == 0)
            throw new InvalidOperationException($"The workers' optima coincide, so no offset scale reaches ζ² = {zeta2}");
        var scale = zeta2 == 0 ? 0.0 : Math.Sqrt(zeta2 / atUnitScale);
        foreach (var b in targets)
            VectorMath.Scale<double>(b, scale, b);
    }

    /// <summary><paramref name="destination"/> += <paramref name="factor"/>·AᵀA for row-major d×d A.</summary>
    private static void AddGram(double[] a, int d, double factor, double[] destination)
    {
        for (var k = 0; k < d; k++)
        {
            var row = a.AsSpan(k * d, d);
            for (var j = 0; j < d; j++)
                VectorMath.MultiplyAdd<double>(row, factor * row[j], destination.AsSpan(j * d, d), destination.AsSpan(j * d, d));
        }
    }

    /// <summary><paramref name="destination"/> += A·<paramref name="x"/> for row-major d×d A.</summary>
    private static void AddProduct(double[] a, int d, ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var k = 0; k < d; k++)
            destination[k] += VectorMath.Dot(a.AsSpan(k * d, d), x);
    }

    /// <summary><paramref name="destination"/> += Aᵀ·<paramref name="y"/> for row-major d×d A.</summary>
    private static void AddTransposedProduct(double[] a, int d, ReadOnlySpan<double> y, Span<double> destination)
    {
        for (var k = 0; k < d; k++)
            VectorMath.MultiplyAdd(a.AsSpan(k * d, d), y[k], destination, destination);
    }
}
