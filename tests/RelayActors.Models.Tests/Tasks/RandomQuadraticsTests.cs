using RelayActors.Models.Numerics;
using RelayActors.Models.Tasks;
using RelayActors.Tests.Shared;

namespace RelayActors.Models.Tests.Tasks;

public sealed class RandomQuadraticsTests
{
    private static readonly QuadraticsSettings Default = new(Workers: 8, Dimension: 10, Zeta2: 1, Mu: 0.5, R0: 100, Seed: 3);

    [Fact]
    public void Gradient_MatchesHalfTheFiniteDifferenceOfLocalValue()
    {
        // The reference's gradient A_iᵀ(A_i x − b_i) is half of ∇||A_i x − b_i||²; f_i is quadratic, so the central
        // difference is exact up to round-off (|f_i| ~ 1e4 at r0 = 100, h = 1e-3: about 1e-9).
        var problem = RandomQuadratics.Create(Default);
        var x = Point(problem, seed: 1, radius: 30);
        var gradient = new double[10];
        const double h = 1e-3;
        for (var worker = 0; worker < problem.Workers; worker++)
        {
            problem.Gradient(worker, x, gradient);
            for (var k = 0; k < 10; k++)
            {
                var plus = (double[])x.Clone();
                var minus = (double[])x.Clone();
                plus[k] += h;
                minus[k] -= h;
                var finiteDifference = (problem.LocalValue(worker, plus) - problem.LocalValue(worker, minus)) / (2 * h);
                Assert.Equal(finiteDifference / 2, gradient[k], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Gradient_SummedOverWorkersAtOptimum_IsZero(double zeta2)
    {
        var problem = RandomQuadratics.Create(Default with { Zeta2 = zeta2 });
        var sum = new double[10];
        var gradient = new double[10];
        for (var worker = 0; worker < problem.Workers; worker++)
        {
            problem.Gradient(worker, problem.Optimum, gradient);
            VectorMath.Add<double>(sum, gradient, sum);
        }
        foreach (var component in sum)
            Assert.Equal(0.0, component, 1e-11);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(100.0)]
    [InlineData(0.0)]
    public void Optimum_HasLengthR0(double r0)
    {
        var optimum = RandomQuadratics.Create(Default with { R0 = r0 }).Optimum;
        Assert.Equal(r0, Math.Sqrt(VectorMath.Dot(optimum, optimum)), 1e-12 * Math.Max(1, r0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public void Zeta2_AchievedHeterogeneity_IsWithinToleranceOfTarget(double target)
    {
        var problem = RandomQuadratics.Create(Default with { Zeta2 = target });
        Assert.Equal(target, problem.Zeta2, 1e-5);
        Assert.Equal(problem.Zeta2, problem.Heterogeneity(problem.Optimum));
    }

    [Fact]
    public void Zeta2_WithoutMu_IsWithinToleranceOfTarget()
    {
        var problem = RandomQuadratics.Create(Default with { Mu = null, Zeta2 = 0.1 });
        Assert.Equal(0.1, problem.Zeta2, 1e-5);
    }

    [Fact]
    public void Create_WithMu_EveryMatrixHasLinspaceSingularValues()
    {
        var problem = RandomQuadratics.Create(Default with { Mu = 0.2, Smoothness = 2 });
        for (var worker = 0; worker < problem.Workers; worker++)
        {
            var singularValues = SingularValueDecomposition.Compute(MatrixMath.FromRowMajor(problem.Matrix(worker), 10)).SingularValues;
            for (var k = 0; k < 10; k++)
                Assert.Equal(2 - (0.2 * k), singularValues[k], 1e-12);  // linspace(0.2, 2, 10), descending
        }
        Assert.Equal(4.0, problem.LocalSmoothness, 1e-15);
        Assert.Equal(0.04, problem.LocalStrongConvexity, 1e-15);
    }

    [Fact]
    public void Create_WithoutMu_EveryMatrixHasLargestSingularValueOne()
    {
        var problem = RandomQuadratics.Create(Default with { Mu = null });
        var smallest = double.PositiveInfinity;
        for (var worker = 0; worker < problem.Workers; worker++)
        {
            var singularValues = SingularValueDecomposition.Compute(MatrixMath.FromRowMajor(problem.Matrix(worker), 10)).SingularValues;
            Assert.Equal(1.0, singularValues[0], 1e-12);
            smallest = Math.Min(smallest, singularValues[9]);
        }
        Assert.Equal(1.0, problem.LocalSmoothness);
        Assert.Equal(smallest * smallest, problem.LocalStrongConvexity, 1e-12);
    }

    [Fact]
    public void Suboptimality_AtOptimum_IsZero()
    {
        var problem = RandomQuadratics.Create(Default);
        Assert.Equal(0.0, problem.Suboptimality(problem.Optimum));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(10.0)]
    [InlineData(100.0)]
    public void Suboptimality_AtModeratePoints_MatchesDifferenceOfValues(double radius)
    {
        var problem = RandomQuadratics.Create(Default);
        var x = Point(problem, seed: 2, radius);
        var expected = problem.Value(x) - problem.Value(problem.Optimum);
        // The difference of values loses ~1e-16·f(x*) to cancellation; f(x*) is about 10 here.
        Assert.Equal(expected, problem.Suboptimality(x), 1e-12 * Math.Max(1, expected) + 1e-13);
    }

    [Fact]
    public void Suboptimality_TinyDisplacement_IsQuadraticInTheDistance()
    {
        // Near x* the difference of values is all round-off; the quadratic form still scales as t². Storing
        // x* + δ (entries ~30) rounds δ ~ 3e-9 by ~1e-6 relative, hence the tolerance.
        var problem = RandomQuadratics.Create(Default);
        var near = Point(problem, seed: 4, radius: 1e-7);
        var nearer = Point(problem, seed: 4, radius: 1e-8);
        Assert.Equal(100.0, problem.Suboptimality(near) / problem.Suboptimality(nearer), 1e-3);
        Assert.True(problem.Suboptimality(nearer) > 0);
    }

    [Fact]
    public void Create_SameSettings_IsBitIdentical()
    {
        var first = RandomQuadratics.Create(Default);
        var second = RandomQuadratics.Create(Default);
        Assert.True(first.Optimum.SequenceEqual(second.Optimum));
        Assert.Equal(first.Zeta2, second.Zeta2);
        for (var worker = 0; worker < first.Workers; worker++)
        {
            Assert.True(first.Matrix(worker).SequenceEqual(second.Matrix(worker)));
            Assert.True(first.Target(worker).SequenceEqual(second.Target(worker)));
        }
    }

    [Fact]
    public void Create_DifferentSeed_GivesDifferentProblem()
    {
        var first = RandomQuadratics.Create(Default);
        var second = RandomQuadratics.Create(Default with { Seed = 4 });
        Assert.False(first.Optimum.SequenceEqual(second.Optimum));
    }

    [Fact]
    public void AddNoise_ManyDraws_HasSecondMomentSigmaSquared()
    {
        // ||noise||² = (σ²/d)·χ²_d: over 20,000 draws the mean has standard error σ²·√(2/(d·20000)) = 0.0032·σ².
        const int draws = 20_000;
        const double sigma = 0.1;
        var problem = RandomQuadratics.Create(Default with { Noise = sigma });
        var sampler = new NormalSampler(new Random(17));
        var noise = new double[10];
        var mean = new double[10];
        var sumSquares = 0.0;
        for (var draw = 0; draw < draws; draw++)
        {
            Array.Clear(noise);
            problem.AddNoise(noise, sampler);
            sumSquares += VectorMath.Dot<double>(noise, noise);
            VectorMath.Add<double>(mean, noise, mean);
        }
        Assert.Equal(sigma * sigma, sumSquares / draws, 0.016 * sigma * sigma);   // 5 standard errors
        foreach (var component in mean)
            Assert.Equal(0.0, component / draws, 5 * sigma / Math.Sqrt(10 * draws));
    }

    [Fact]
    public void AddNoise_ZeroSigma_LeavesGradientAndSamplerUntouched()
    {
        var problem = RandomQuadratics.Create(Default);
        var sampler = new NormalSampler(new Random(8));
        double[] gradient = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        problem.AddNoise(gradient, sampler);
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10], gradient);
        Assert.Equal(new NormalSampler(new Random(8)).Next(), sampler.Next());
    }

    [Fact]
    public void Gradient_WithSampler_IsExactGradientPlusNoise()
    {
        var problem = RandomQuadratics.Create(Default with { Noise = 0.05 });
        var x = Point(problem, seed: 6, radius: 1);
        var noisy = new double[10];
        problem.Gradient(2, x, noisy, new NormalSampler(new Random(5)));
        var expected = new double[10];
        problem.Gradient(2, x, expected);
        problem.AddNoise(expected, new NormalSampler(new Random(5)));
        Assert.Equal(expected, noisy);
    }

    [Fact]
    public void Gradient_AfterWarmUp_AllocatesNothing()
    {
        var problem = RandomQuadratics.Create(Default with { Noise = 0.1 });
        var sampler = new NormalSampler(new Random(1));
        var x = new double[10];
        var gradient = new double[10];
        problem.Gradient(0, x, gradient, sampler);
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            for (var worker = 0; worker < problem.Workers; worker++)
                problem.Gradient(worker, x, gradient, sampler);
        }));
    }

    [Fact]
    public void Gradient_OverlappingBuffers_Throws()
    {
        var problem = RandomQuadratics.Create(Default);
        var x = new double[10];
        var ex = Assert.Throws<ArgumentException>(() => problem.Gradient(0, x, x));
        Assert.Equal("gradient", ex.ParamName);
    }

    [Fact]
    public void Gradient_BadWorkerOrLength_Throws()
    {
        var problem = RandomQuadratics.Create(Default);
        Assert.Equal("worker", Assert.Throws<ArgumentOutOfRangeException>(() => problem.Gradient(8, new double[10], new double[10])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => problem.Gradient(0, new double[9], new double[10])).ParamName);
    }

    [Theory]
    [InlineData(0, 10, 0.0, 0.5, 1.0, 100.0, 0.0, "Workers")]
    [InlineData(4, 0, 0.0, 0.5, 1.0, 100.0, 0.0, "Dimension")]
    [InlineData(4, 10, -1.0, 0.5, 1.0, 100.0, 0.0, "Zeta2")]
    [InlineData(1, 10, 0.5, 0.5, 1.0, 100.0, 0.0, "Zeta2")]
    [InlineData(4, 10, 0.0, 0.0, 1.0, 100.0, 0.0, "Mu")]
    [InlineData(4, 10, 0.0, 1.5, 1.0, 100.0, 0.0, "Mu")]
    [InlineData(4, 10, 0.0, 0.5, 0.0, 100.0, 0.0, "Smoothness")]
    [InlineData(4, 10, 0.0, 0.5, 1.0, -1.0, 0.0, "R0")]
    [InlineData(4, 10, 0.0, 0.5, 1.0, 100.0, double.NaN, "Noise")]
    public void Create_InvalidSettings_ThrowsNamingTheValue(int workers, int dimension, double zeta2, double mu, double smoothness, double r0, double noise, string name)
    {
        var settings = new QuadraticsSettings(workers, dimension, zeta2, mu, smoothness, r0, noise);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RandomQuadratics.Create(settings));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Create_SingleWorkerSingleDimension_Works()
    {
        // d = 1: linspace(μ, L, 1) = [μ], as torch.linspace; one worker is its own optimum.
        var problem = RandomQuadratics.Create(new QuadraticsSettings(Workers: 1, Dimension: 1, R0: 2));
        Assert.Equal(0.25, problem.LocalSmoothness, 1e-15);
        Assert.Equal(2.0, Math.Abs(problem.Optimum[0]), 1e-15);
        Assert.Equal(0.0, problem.Zeta2, 1e-20);
    }

    /// <summary>x* plus a random displacement of length <paramref name="radius"/>.</summary>
    private static double[] Point(RandomQuadratics problem, int seed, double radius)
    {
        var x = new double[problem.Dimension];
        new NormalSampler(new Random(seed)).Fill(x);
        VectorMath.Scale<double>(x, radius / Math.Sqrt(VectorMath.Dot<double>(x, x)), x);
        VectorMath.Add(x, problem.Optimum, x);
        return x;
    }
}
