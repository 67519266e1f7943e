namespace RelayActors.Models.Numerics;

/// <summary>
/// A = L·Lᵀ of a small symmetric positive definite matrix (L lower triangular), for solving the normal equations of
/// least-squares problems. Factoring is O(n³) and allocates; <see cref="Solve"/> is O(n²) and allocates nothing.
/// </summary>
public sealed class CholeskyDecomposition
{
    /// <summary>Rows of L; entries above the diagonal are zero.</summary>
    private readonly double[][] _lower;

    private CholeskyDecomposition(double[][] lower) => _lower = lower;

    /// <summary>Order n of the factored n×n matrix.</summary>
    public int Order => _lower.Length;

    /// <summary>Factors <paramref name="matrix"/>, which is left unchanged.</summary>
    /// <exception cref="ArgumentException">The matrix is not square, not symmetric, or not positive definite.</exception>
    public static CholeskyDecomposition Compute(double[][] matrix)
    {
        var a = MatrixMath.CopySquare(matrix, nameof(matrix));
        MatrixMath.RequireSymmetric(a, nameof(matrix));
        var n = a.Length;
        var lower = MatrixMath.Zeros(n, n);
        for (var j = 0; j < n; j++)
        {
            var row = lower[j].AsSpan(0, j);
            var pivot = a[j][j] - VectorMath.Dot<double>(row, row);
            // Also rejects NaN: a positive definite matrix has a positive (finite) pivot at every step.
            if (!(pivot > 0) || !double.IsFinite(pivot))
                throw new ArgumentException($"The matrix is not positive definite: pivot {j} is {pivot} (diagonal entry {a[j][j]})", nameof(matrix));
            var diagonal = Math.Sqrt(pivot);
            lower[j][j] = diagonal;
            for (var i = j + 1; i < n; i++)
                lower[i][j] = (a[i][j] - VectorMath.Dot<double>(lower[i].AsSpan(0, j), row)) / diagonal;
        }
        return new CholeskyDecomposition(lower);
    }

    /// <summary>
    /// Writes x with A·x = <paramref name="rightHandSide"/> into <paramref name="solution"/> (forward then backward
    /// substitution). <paramref name="solution"/> may be the same span as <paramref name="rightHandSide"/>.
    /// </summary>
    public void Solve(ReadOnlySpan<double> rightHandSide, Span<double> solution)
    {
        var n = Order;
        if (rightHandSide.Length != n)
            throw new ArgumentException($"The right-hand side has {rightHandSide.Length} entries; the matrix has order {n}", nameof(rightHandSide));
        if (solution.Length != n)
            throw new ArgumentException($"The solution has {solution.Length} entries; the matrix has order {n}", nameof(solution));
        if (rightHandSide.Overlaps(solution, out var offset) && offset != 0)
            throw new ArgumentException("The solution may share memory with the right-hand side only when both start at the same element", nameof(solution));

        // L·y = b: each y_i needs only y_0..y_{i−1}, already written, so solving in place is safe.
        for (var i = 0; i < n; i++)
            solution[i] = (rightHandSide[i] - VectorMath.Dot<double>(_lower[i].AsSpan(0, i), solution[..i])) / _lower[i][i];
        // Lᵀ·x = y, from the last unknown up; column i of L below the diagonal is row i of Lᵀ.
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = solution[i];
            for (var k = i + 1; k < n; k++)
                sum -= _lower[k][i] * solution[k];
            solution[i] = sum / _lower[i][i];
        }
    }
}
