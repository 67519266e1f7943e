namespace RelayActors.Models.Numerics;

/// <summary>
/// Thin singular value decomposition A = U·diag(s)·Vᵀ of a small dense m×n matrix by one-sided Jacobi rotations
/// (Hestenes 1958), in double precision. With k = min(m, n): U is m×k and V is n×k with orthonormal columns, and the k
/// singular values are non-negative and descending. O(m·n²) per sweep and allocating: for set-up (random quadratics),
/// not hot paths.
/// </summary>
public sealed class SingularValueDecomposition
{
    private const int MaxSweeps = 100;

    /// <summary>Unit round-off of double, 2⁻⁵² (<see cref="double.Epsilon"/> is the smallest subnormal instead).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly double[][] _u;
    private readonly double[] _singularValues;
    private readonly double[][] _v;

    private SingularValueDecomposition(double[][] u, double[] singularValues, double[][] v)
    {
        _u = u;
        _singularValues = singularValues;
        _v = v;
    }

    /// <summary>Number of rows m of the decomposed matrix.</summary>
    public int Rows => _u.Length;

    /// <summary>Number of columns n of the decomposed matrix.</summary>
    public int Columns => _v.Length;

    /// <summary>The min(m, n) singular values, non-negative and in descending order.</summary>
    public ReadOnlySpan<double> SingularValues => _singularValues;

    /// <summary>A copy of U (m×k, orthonormal columns; column j belongs to singular value j).</summary>
    public double[][] CopyLeftVectors() => MatrixMath.CopyRectangular(_u, "U");

    /// <summary>A copy of V (n×k, orthonormal columns; column j belongs to singular value j).</summary>
    public double[][] CopyRightVectors() => MatrixMath.CopyRectangular(_v, "V");

    /// <summary>Decomposes <paramref name="matrix"/> (rows of equal, non-zero length), which is left unchanged.</summary>
    /// <exception cref="ArgumentException">The rows are missing or of different lengths, or an entry is not finite.</exception>
    public static SingularValueDecomposition Compute(double[][] matrix)
    {
        var a = MatrixMath.CopyRectangular(matrix, nameof(matrix));
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < a[i].Length; j++)
                if (!double.IsFinite(a[i][j]))
                    throw new ArgumentException($"Entry [{i}][{j}] is {a[i][j]}; the matrix must be finite", nameof(matrix));

        // One-sided Jacobi orthogonalises columns; with more columns than rows, decompose Aᵀ = V·S·Uᵀ instead.
        if (a.Length < a[0].Length)
        {
            var (vt, s, ut) = Decompose(MatrixMath.Transpose(a));
            return new SingularValueDecomposition(ut, s, vt);
        }
        var (u, singularValues, v) = Decompose(a);
        return new SingularValueDecomposition(u, singularValues, v);
    }

    /// <summary>
    /// U·diag(<paramref name="singularValues"/>)·Vᵀ: the decomposed matrix with its singular values replaced (e.g. by
    /// linspace(μ, L, d) to fix the conditioning). Entry j multiplies the j-th (descending) singular pair.
    /// </summary>
    public double[][] Reconstruct(ReadOnlySpan<double> singularValues)
    {
        if (singularValues.Length != _singularValues.Length)
            throw new ArgumentException($"Got {singularValues.Length} singular values; the decomposition has {_singularValues.Length}", nameof(singularValues));
        var a = MatrixMath.Zeros(Rows, Columns);
        for (var i = 0; i < Rows; i++)
            for (var j = 0; j < singularValues.Length; j++)
            {
                var factor = _u[i][j] * singularValues[j];
                for (var c = 0; c < Columns; c++)
                    a[i][c] += factor * _v[c][j];
            }
        return a;
    }

    /// <summary>Decomposes <paramref name="a"/> (m ≥ n, consumed); returns U (m×n), s and V (n×n), rows as arrays.</summary>
    private static (double[][] U, double[] S, double[][] V) Decompose(double[][] a)
    {
        var m = a.Length;
        var n = a[0].Length;
        // Work on columns: columns[j] is column j of A·V, rotated until all columns are mutually orthogonal.
        var columns = MatrixMath.Transpose(a);
        var vColumns = MatrixMath.Identity(n);

        // Columns count as orthogonal when |cos angle| ≤ m·ε: the round-off of their dot product.
        var tolerance = m * MachineEpsilon;
        var converged = false;
        for (var sweep = 0; sweep < MaxSweeps && !converged; sweep++)
        {
            converged = true;
            for (var p = 0; p < n - 1; p++)
                for (var q = p + 1; q < n; q++)
                    converged &= !Rotate(columns, vColumns, p, q, tolerance);
        }
        if (!converged)
            throw new InvalidOperationException($"One-sided Jacobi did not converge in {MaxSweeps} sweeps on a {m}×{n} matrix");

        var s = new double[n];
        for (var j = 0; j < n; j++)
            s[j] = Math.Sqrt(VectorMath.Dot<double>(columns[j], columns[j]));
        var order = new int[n];
        for (var j = 0; j < n; j++)
            order[j] = j;
        Array.Sort(order, (x, y) => s[y].CompareTo(s[x]));

        var uColumns = new double[n][];
        var sorted = new double[n];
        var sortedV = new double[n][];
        // A column whose norm is at round-off level carries no direction; its left vector is completed below.
        var negligible = s[order[0]] * m * MachineEpsilon;
        for (var j = 0; j < n; j++)
        {
            var source = order[j];
            sorted[j] = s[source];
            sortedV[j] = vColumns[source];
            uColumns[j] = new double[m];
            if (s[source] > negligible)
                VectorMath.Divide<double>(columns[source], s[source], uColumns[j]);
        }
        for (var j = 0; j < n; j++)
            if (sorted[j] <= negligible)
                CompleteOrthonormal(uColumns, j);
        return (MatrixMath.Transpose(uColumns), sorted, MatrixMath.Transpose(sortedV));
    }

    /// <summary>
    /// Rotates columns p and q of A·V (and of V) to make them orthogonal; false when they already are to within
    /// <paramref name="tolerance"/>.
    /// </summary>
    private static bool Rotate(double[][] columns, double[][] vColumns, int p, int q, double tolerance)
    {
        var alpha = VectorMath.Dot<double>(columns[p], columns[p]);
        var beta = VectorMath.Dot<double>(columns[q], columns[q]);
        var gamma = VectorMath.Dot<double>(columns[p], columns[q]);
        if (Math.Abs(gamma) <= tolerance * Math.Sqrt(alpha * beta))
            return false;
        // Choose t = tan θ as the smaller root of t² + 2ζt − 1 = 0 (|θ| ≤ π/4), as in symmetric Jacobi.
        var zeta = (beta - alpha) / (2.0 * gamma);
        var t = (zeta >= 0 ? 1.0 : -1.0) / (Math.Abs(zeta) + Math.Sqrt(1.0 + (zeta * zeta)));
        var c = 1.0 / Math.Sqrt(1.0 + (t * t));
        var s = c * t;
        RotatePair(columns[p], columns[q], c, s);
        RotatePair(vColumns[p], vColumns[q], c, s);
        return true;
    }

    private static void RotatePair(double[] x, double[] y, double c, double s)
    {
        for (var k = 0; k < x.Length; k++)
        {
            var xk = x[k];
            var yk = y[k];
            x[k] = (c * xk) - (s * yk);
            y[k] = (s * xk) + (c * yk);
        }
    }

    /// <summary>
    /// Replaces <paramref name="columns"/>[<paramref name="j"/>] by a unit vector orthogonal to every other non-zero
    /// column: the standard basis vector that keeps the most norm after two rounds of Gram–Schmidt.
    /// </summary>
    private static void CompleteOrthonormal(double[][] columns, int j)
    {
        var m = columns[j].Length;
        var candidate = new double[m];
        var best = new double[m];
        var bestNorm = -1.0;
        for (var e = 0; e < m; e++)
        {
            Array.Clear(candidate);
            candidate[e] = 1.0;
            for (var round = 0; round < 2; round++)
                for (var k = 0; k < columns.Length; k++)
                    if (k != j)
                        VectorMath.MultiplyAdd<double>(columns[k], -VectorMath.Dot<double>(columns[k], candidate), candidate, candidate);
            var norm = Math.Sqrt(VectorMath.Dot<double>(candidate, candidate));
            if (norm > bestNorm)
            {
                bestNorm = norm;
                candidate.CopyTo(best, 0);
            }
        }
        VectorMath.Divide<double>(best, bestNorm, columns[j]);
    }
}
