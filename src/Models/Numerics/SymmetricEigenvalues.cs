namespace RelayActors.Models.Numerics;

/// <summary>
/// Eigenvalues of a small real symmetric matrix by cyclic Jacobi rotations (Numerical Recipes §11.1). Each sweep
/// is O(n³) and allocates a working copy: meant for analysing gossip matrices (spectral gap, λ₂), not hot paths.
/// </summary>
public static class SymmetricEigenvalues
{
    private const int MaxSweeps = 100;

    /// <summary>All eigenvalues of <paramref name="matrix"/>, in descending order, to about machine precision.</summary>
    /// <exception cref="ArgumentException">The matrix is not square or not symmetric.</exception>
    public static double[] Compute(double[][] matrix)
    {
        var a = MatrixMath.CopySquare(matrix, nameof(matrix));
        MatrixMath.RequireSymmetric(a, nameof(matrix));
        var n = a.Length;

        for (var sweep = 0; sweep < MaxSweeps && OffDiagonalNorm(a) > 1e-15 * Math.Max(1.0, Trace(a)); sweep++)
            for (var p = 0; p < n; p++)
                for (var q = p + 1; q < n; q++)
                    Rotate(a, p, q);

        var eigenvalues = new double[n];
        for (var i = 0; i < n; i++)
            eigenvalues[i] = a[i][i];
        Array.Sort(eigenvalues, (x, y) => y.CompareTo(x));
        return eigenvalues;
    }

    /// <summary>Applies the Jacobi rotation that zeroes a[p][q] (and a[q][p]).</summary>
    private static void Rotate(double[][] a, int p, int q)
    {
        if (a[p][q] == 0.0)
            return;
        var theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
        // The smaller root of t² + 2tθ − 1 = 0 keeps the rotation angle at most π/4 (stable).
        var t = (theta >= 0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1.0));
        var c = 1.0 / Math.Sqrt((t * t) + 1.0);
        var s = t * c;
        var n = a.Length;
        for (var k = 0; k < n; k++)
        {
            var akp = a[k][p];
            var akq = a[k][q];
            a[k][p] = (c * akp) - (s * akq);
            a[k][q] = (s * akp) + (c * akq);
        }
        for (var k = 0; k < n; k++)
        {
            var apk = a[p][k];
            var aqk = a[q][k];
            a[p][k] = (c * apk) - (s * aqk);
            a[q][k] = (s * apk) + (c * aqk);
        }
    }

    private static double OffDiagonalNorm(double[][] a)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < a.Length; j++)
                if (i != j)
                    sum += a[i][j] * a[i][j];
        return Math.Sqrt(sum);
    }

    private static double Trace(double[][] a)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += Math.Abs(a[i][i]);
        return sum;
    }
}
