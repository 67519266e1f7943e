using RelayActors.Models.Numerics;

namespace RelayActors.Models.Tests.Numerics;

public sealed class SymmetricEigenvaluesTests
{
    [Fact]
    public void Compute_DiagonalMatrix_ReturnsDiagonalDescending()
    {
        double[][] m = [[1, 0, 0], [0, -2, 0], [0, 0, 3]];
        Assert.Equal([3.0, 1.0, -2.0], SymmetricEigenvalues.Compute(m));
    }

    [Fact]
    public void Compute_TwoByTwo_MatchesClosedForm()
    {
        // [[2,1],[1,2]] has eigenvalues 3 and 1.
        var eigenvalues = SymmetricEigenvalues.Compute([[2, 1], [1, 2]]);
        Assert.Equal(3.0, eigenvalues[0], 1e-14);
        Assert.Equal(1.0, eigenvalues[1], 1e-14);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(20)]
    public void Compute_PathLaplacian_MatchesClosedForm(int n)
    {
        // Laplacian of a path on n nodes: eigenvalues 2 − 2cos(πk/n), k = 0..n−1.
        var m = new double[n][];
        for (var i = 0; i < n; i++)
        {
            m[i] = new double[n];
            m[i][i] = i == 0 || i == n - 1 ? 1 : 2;
            if (i > 0)
                m[i][i - 1] = -1;
            if (i + 1 < n)
                m[i][i + 1] = -1;
        }
        var expected = Enumerable.Range(0, n).Select(k => 2 - (2 * Math.Cos(Math.PI * k / n))).OrderDescending().ToArray();
        var actual = SymmetricEigenvalues.Compute(m);
        for (var k = 0; k < n; k++)
            Assert.Equal(expected[k], actual[k], 1e-12);
    }

    [Fact]
    public void Compute_NonSymmetric_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SymmetricEigenvalues.Compute([[1, 2], [0, 1]]));
        Assert.Contains("not symmetric", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NonSquare_Throws()
    {
        Assert.Throws<ArgumentException>(() => SymmetricEigenvalues.Compute([[1, 2], [2]]));
    }
}
