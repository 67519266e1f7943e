using RelayActors.Models.Numerics;

namespace RelayActors.Models.Tests.Numerics;

public sealed class SingularValueDecompositionTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 10)]
    [InlineData(7, 3)]
    [InlineData(3, 7)]
    [InlineData(40, 40)]
    public void Compute_RandomMatrix_ReconstructsTheMatrix(int rows, int columns)
    {
        var a = RandomMatrix(rows, columns, seed: rows * 100 + columns);
        var svd = SingularValueDecomposition.Compute(a);
        AssertClose(a, svd.Reconstruct(svd.SingularValues), 1e-12);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(7, 3)]
    [InlineData(3, 7)]
    public void Compute_RandomMatrix_FactorsHaveOrthonormalColumns(int rows, int columns)
    {
        var svd = SingularValueDecomposition.Compute(RandomMatrix(rows, columns, seed: 9));
        var u = svd.CopyLeftVectors();
        var v = svd.CopyRightVectors();
        var k = Math.Min(rows, columns);
        Assert.Equal(rows, u.Length);
        Assert.Equal(k, u[0].Length);
        Assert.Equal(columns, v.Length);
        Assert.Equal(k, v[0].Length);
        AssertClose(MatrixMath.Identity(k), MatrixMath.Multiply(MatrixMath.Transpose(u), u), 1e-12);
        AssertClose(MatrixMath.Identity(k), MatrixMath.Multiply(MatrixMath.Transpose(v), v), 1e-12);
    }

    [Fact]
    public void Compute_RandomMatrix_SingularValuesDescendingAndNonNegative()
    {
        var s = SingularValueDecomposition.Compute(RandomMatrix(12, 12, seed: 4)).SingularValues;
        for (var j = 0; j < s.Length; j++)
        {
            Assert.True(s[j] >= 0, $"s[{j}] = {s[j]}");
            if (j > 0)
                Assert.True(s[j - 1] >= s[j], $"s[{j - 1}] = {s[j - 1]} < s[{j}] = {s[j]}");
        }
    }

    [Fact]
    public void Compute_SymmetricMatrix_SingularValuesAreAbsoluteEigenvalues()
    {
        // Path Laplacian shifted by −1: eigenvalues 1 − 2cos(πk/n), some negative; singular values are their |·|.
        const int n = 9;
        var m = MatrixMath.Zeros(n, n);
        for (var i = 0; i < n; i++)
        {
            m[i][i] = (i == 0 || i == n - 1 ? 1 : 2) - 1;
            if (i > 0)
                m[i][i - 1] = m[i - 1][i] = -1;
        }
        var expected = Enumerable.Range(0, n).Select(k => Math.Abs(1 - (2 * Math.Cos(Math.PI * k / n)))).OrderDescending().ToArray();
        var actual = SingularValueDecomposition.Compute(m).SingularValues.ToArray();
        for (var k = 0; k < n; k++)
            Assert.Equal(expected[k], actual[k], 1e-13);
    }

    [Fact]
    public void Compute_DiagonalWithNegativeEntries_SingularValuesAreSortedMagnitudes()
    {
        double[][] a = [[2, 0, 0], [0, -5, 0], [0, 0, 0.5]];
        var svd = SingularValueDecomposition.Compute(a);
        Assert.Equal([5.0, 2.0, 0.5], svd.SingularValues.ToArray());
        AssertClose(a, svd.Reconstruct(svd.SingularValues), 0);
    }

    [Fact]
    public void Compute_RankOne_HasOneNonZeroSingularValueAndOrthonormalFactors()
    {
        // u·vᵀ with u = [1,2,2]/3·3 and v = [3,4]/5·5: the only singular value is ||u||·||v|| = 3·5 = 15.
        double[][] a = [[3, 4], [6, 8], [6, 8]];
        var svd = SingularValueDecomposition.Compute(a);
        Assert.Equal(15.0, svd.SingularValues[0], 1e-13);
        Assert.Equal(0.0, svd.SingularValues[1], 1e-13);
        var u = svd.CopyLeftVectors();
        AssertClose(MatrixMath.Identity(2), MatrixMath.Multiply(MatrixMath.Transpose(u), u), 1e-12);
        AssertClose(a, svd.Reconstruct(svd.SingularValues), 1e-13);
    }

    [Fact]
    public void Compute_ZeroMatrix_HasZeroSingularValuesAndOrthonormalFactors()
    {
        var svd = SingularValueDecomposition.Compute(MatrixMath.Zeros(3, 3));
        Assert.Equal([0.0, 0.0, 0.0], svd.SingularValues.ToArray());
        var u = svd.CopyLeftVectors();
        AssertClose(MatrixMath.Identity(3), MatrixMath.Multiply(MatrixMath.Transpose(u), u), 1e-15);
    }

    [Fact]
    public void Reconstruct_ReplacedSingularValues_HasExactlyThoseSingularValues()
    {
        var svd = SingularValueDecomposition.Compute(RandomMatrix(6, 6, seed: 2));
        double[] replaced = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5];
        var again = SingularValueDecomposition.Compute(svd.Reconstruct(replaced)).SingularValues;
        for (var j = 0; j < replaced.Length; j++)
            Assert.Equal(replaced[j], again[j], 1e-14);
    }

    [Fact]
    public void Reconstruct_WrongCount_Throws()
    {
        var svd = SingularValueDecomposition.Compute(RandomMatrix(4, 4, seed: 1));
        var ex = Assert.Throws<ArgumentException>(() => svd.Reconstruct([1.0, 2.0]));
        Assert.Equal("singularValues", ex.ParamName);
    }

    [Fact]
    public void Compute_NonFiniteEntry_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SingularValueDecomposition.Compute([[1, double.NaN], [0, 1]]));
        Assert.Contains("[0][1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_RaggedRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => SingularValueDecomposition.Compute([[1, 2], [3]]));
    }

    private static double[][] RandomMatrix(int rows, int columns, int seed)
    {
        var sampler = new NormalSampler(new Random(seed));
        var a = MatrixMath.Zeros(rows, columns);
        foreach (var row in a)
            sampler.Fill(row);
        return a;
    }

    private static void AssertClose(double[][] expected, double[][] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Length);
            for (var j = 0; j < expected[i].Length; j++)
                Assert.True(Math.Abs(expected[i][j] - actual[i][j]) <= tolerance,
                    $"[{i}][{j}]: expected {expected[i][j]}, got {actual[i][j]} (tolerance {tolerance})");
        }
    }
}
