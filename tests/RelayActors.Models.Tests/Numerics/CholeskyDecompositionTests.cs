using RelayActors.Models.Numerics;
using RelayActors.Tests.Shared;

namespace RelayActors.Models.Tests.Numerics;

public sealed class CholeskyDecompositionTests
{
    // [[4,2,2],[2,5,3],[2,3,6]] = L·Lᵀ with L = [[2,0,0],[1,2,0],[1,1,2]]; with x = [1,−1,2], A·x = [6,3,11].
    private static readonly double[][] Spd = [[4, 2, 2], [2, 5, 3], [2, 3, 6]];

    [Fact]
    public void Solve_KnownSystem_ReturnsKnownSolution()
    {
        var solution = new double[3];
        CholeskyDecomposition.Compute(Spd).Solve([6, 3, 11], solution);
        Assert.Equal(1.0, solution[0], 1e-14);
        Assert.Equal(-1.0, solution[1], 1e-14);
        Assert.Equal(2.0, solution[2], 1e-14);
    }

    [Fact]
    public void Solve_InPlace_MatchesSeparateBuffers()
    {
        double[] x = [6, 3, 11];
        var cholesky = CholeskyDecomposition.Compute(Spd);
        var separate = new double[3];
        cholesky.Solve(x, separate);
        cholesky.Solve(x, x);
        Assert.Equal(separate, x);
    }

    [Fact]
    public void Solve_RandomNormalEquations_ResidualIsRoundOff()
    {
        // AᵀA of a random 12×6 matrix is SPD; the solution must satisfy the system to round-off.
        var sampler = new NormalSampler(new Random(5));
        var a = MatrixMath.Zeros(12, 6);
        foreach (var row in a)
            sampler.Fill(row);
        var gram = MatrixMath.Multiply(MatrixMath.Transpose(a), a);
        var b = new double[6];
        sampler.Fill(b);
        var x = new double[6];
        CholeskyDecomposition.Compute(gram).Solve(b, x);
        for (var i = 0; i < 6; i++)
        {
            var row = 0.0;
            for (var j = 0; j < 6; j++)
                row += gram[i][j] * x[j];
            Assert.Equal(b[i], row, 1e-12);
        }
    }

    [Fact]
    public void Solve_AfterWarmUp_AllocatesNothing()
    {
        var cholesky = CholeskyDecomposition.Compute(Spd);
        var x = new double[3];
        cholesky.Solve([6, 3, 11], x);
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() => cholesky.Solve(x, x)));
    }

    [Fact]
    public void Compute_IndefiniteMatrix_ThrowsNamingThePivot()
    {
        // Eigenvalues 3 and −1: symmetric but not positive definite.
        var ex = Assert.Throws<ArgumentException>(() => CholeskyDecomposition.Compute([[1, 2], [2, 1]]));
        Assert.Equal("matrix", ex.ParamName);
        Assert.Contains("not positive definite: pivot 1 is -3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SingularMatrix_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CholeskyDecomposition.Compute([[1, 1], [1, 1]]));
        Assert.Contains("not positive definite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NonSymmetric_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CholeskyDecomposition.Compute([[4, 1], [0, 4]]));
        Assert.Contains("not symmetric", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NonSquare_Throws()
    {
        Assert.Throws<ArgumentException>(() => CholeskyDecomposition.Compute([[4, 1, 0], [1, 4, 0]]));
    }

    [Fact]
    public void Solve_WrongLength_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CholeskyDecomposition.Compute(Spd).Solve([1, 2], new double[3]));
        Assert.Equal("rightHandSide", ex.ParamName);
    }
}
