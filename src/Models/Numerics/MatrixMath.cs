namespace RelayActors.Models.Numerics;

/// <summary>
/// Checks and products for small dense matrices stored as rows (<c>double[][]</c>, <c>a[i][j]</c> = row i, column j),
/// the representation <see cref="SymmetricEigenvalues"/>, <see cref="SingularValueDecomposition"/> and
/// <see cref="CholeskyDecomposition"/> share. Set-up code, not hot paths: results are freshly allocated.
/// </summary>
internal static class MatrixMath
{
    /// <summary>Relative tolerance for <see cref="RequireSymmetric"/>: round-off of a product such as AᵀA passes.</summary>
    private const double SymmetryTolerance = 1e-12;

    /// <summary>A deep copy of <paramref name="matrix"/> after checking it has at least one row and equally long, non-empty rows.</summary>
    public static double[][] CopyRectangular(double[][] matrix, string paramName)
    {
        ArgumentNullException.ThrowIfNull(matrix, paramName);
        if (matrix.Length == 0)
            throw new ArgumentException("The matrix has no rows", paramName);
        var columns = matrix[0]?.Length ?? 0;
        var copy = new double[matrix.Length][];
        for (var i = 0; i < matrix.Length; i++)
        {
            var row = matrix[i] ?? throw new ArgumentException($"Row {i} is null", paramName);
            if (row.Length != columns || columns == 0)
                throw new ArgumentException($"Row {i} has {row.Length} entries; row 0 has {columns} and every row needs the same non-zero length", paramName);
            copy[i] = (double[])row.Clone();
        }
        return copy;
    }

    /// <summary>A deep copy of <paramref name="matrix"/> after checking it is square (rows as long as there are rows).</summary>
    public static double[][] CopySquare(double[][] matrix, string paramName)
    {
        var copy = CopyRectangular(matrix, paramName);
        if (copy[0].Length != copy.Length)
            throw new ArgumentException($"The matrix is {copy.Length}×{copy[0].Length}; a square matrix is needed", paramName);
        return copy;
    }

    /// <summary>Throws unless the square <paramref name="a"/> equals its transpose up to a relative 1e-12.</summary>
    public static void RequireSymmetric(double[][] a, string paramName)
    {
        for (var i = 0; i < a.Length; i++)
            for (var j = i + 1; j < a.Length; j++)
                if (Math.Abs(a[i][j] - a[j][i]) > SymmetryTolerance * Math.Max(1.0, Math.Abs(a[i][j])))
                    throw new ArgumentException($"The matrix is not symmetric: a[{i}][{j}] = {a[i][j]}, a[{j}][{i}] = {a[j][i]}", paramName);
    }

    /// <summary>A <paramref name="rows"/>×<paramref name="columns"/> matrix of zeros.</summary>
    public static double[][] Zeros(int rows, int columns)
    {
        var a = new double[rows][];
        for (var i = 0; i < rows; i++)
            a[i] = new double[columns];
        return a;
    }

    /// <summary>The <paramref name="n"/>×<paramref name="n"/> identity.</summary>
    public static double[][] Identity(int n)
    {
        var a = Zeros(n, n);
        for (var i = 0; i < n; i++)
            a[i][i] = 1.0;
        return a;
    }

    /// <summary>The rows of a row-major buffer holding a matrix with <paramref name="columns"/> columns.</summary>
    public static double[][] FromRowMajor(ReadOnlySpan<double> flat, int columns)
    {
        var rows = new double[flat.Length / columns][];
        for (var i = 0; i < rows.Length; i++)
            rows[i] = flat.Slice(i * columns, columns).ToArray();
        return rows;
    }

    /// <summary>The rectangular <paramref name="a"/> as one row-major buffer.</summary>
    public static double[] ToRowMajor(double[][] a)
    {
        var columns = a[0].Length;
        var flat = new double[a.Length * columns];
        for (var i = 0; i < a.Length; i++)
            a[i].CopyTo(flat, i * columns);
        return flat;
    }

    /// <summary>The transpose of the rectangular <paramref name="a"/>.</summary>
    public static double[][] Transpose(double[][] a)
    {
        var t = Zeros(a[0].Length, a.Length);
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < a[0].Length; j++)
                t[j][i] = a[i][j];
        return t;
    }

    /// <summary>The product <paramref name="a"/>·<paramref name="b"/>.</summary>
    public static double[][] Multiply(double[][] a, double[][] b)
    {
        if (a[0].Length != b.Length)
            throw new ArgumentException($"Cannot multiply {a.Length}×{a[0].Length} by {b.Length}×{b[0].Length}", nameof(b));
        var product = Zeros(a.Length, b[0].Length);
        for (var i = 0; i < a.Length; i++)
            for (var k = 0; k < b.Length; k++)
                VectorMath.MultiplyAdd<double>(b[k], a[i][k], product[i], product[i]);
        return product;
    }
}
