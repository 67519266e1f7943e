using RelayActors.Models.Optim;

namespace RelayActors.Models.Tests.Optim;

// Every case starts at x₀ = [1, −2], uses η = 0.1 and the fixed gradients g₁ = [0.5, 1], g₂ = [−1, 0.5],
// g₃ = [2, −1] (independent of x, so the oracle is plain arithmetic, worked out in each test's comments).
public sealed class SgdOptimizerTests
{
    private static readonly double[][] Gradients = [[0.5, 1], [-1, 0.5], [2, -1]];

    [Fact]
    public void Step_NoMomentum_IsPlainGradientDescent()
    {
        // x₁ = [1 − 0.05, −2 − 0.1] = [0.95, −2.1]; x₂ = [0.95 + 0.1, −2.1 − 0.05] = [1.05, −2.15];
        // x₃ = [1.05 − 0.2, −2.15 + 0.1] = [0.85, −2.05].
        var trajectory = RunThreeSteps(new SgdOptimizer<double>(2, 0, false, 0));
        AssertTrajectory([[0.95, -2.1], [1.05, -2.15], [0.85, -2.05]], trajectory);
    }

    [Fact]
    public void Step_Momentum_FollowsTheMomentumBuffer()
    {
        // μ = 0.9: b₁ = [0.5, 1], x₁ = [0.95, −2.1];
        // b₂ = 0.9·b₁ + g₂ = [−0.55, 1.4], x₂ = [0.95 + 0.055, −2.1 − 0.14] = [1.005, −2.24];
        // b₃ = 0.9·b₂ + g₃ = [1.505, 0.26], x₃ = [1.005 − 0.1505, −2.24 − 0.026] = [0.8545, −2.266].
        var optimizer = new SgdOptimizer<double>(2, 0.9, false, 0);
        var trajectory = RunThreeSteps(optimizer);
        AssertTrajectory([[0.95, -2.1], [1.005, -2.24], [0.8545, -2.266]], trajectory);
        Assert.Equal(1.505, optimizer.MomentumBuffer[0], 1e-14);
        Assert.Equal(0.26, optimizer.MomentumBuffer[1], 1e-14);
    }

    [Fact]
    public void Step_Nesterov_StepsAlongGradientPlusMomentumTimesBuffer()
    {
        // μ = 0.9, buffers as in the momentum case; d = g + 0.9·b:
        // d₁ = [0.95, 1.9], x₁ = [0.905, −2.19]; d₂ = [−1.495, 1.76], x₂ = [1.0545, −2.366];
        // d₃ = [3.3545, −0.766], x₃ = [0.71905, −2.2894].
        var trajectory = RunThreeSteps(new SgdOptimizer<double>(2, 0.9, true, 0));
        AssertTrajectory([[0.905, -2.19], [1.0545, -2.366], [0.71905, -2.2894]], trajectory);
    }

    [Fact]
    public void Step_WeightDecay_AddsLambdaTimesParametersToTheGradient()
    {
        // λ = 0.5, d = g + 0.5·x: d₁ = [1, 0], x₁ = [0.9, −2]; d₂ = [−0.55, −0.5], x₂ = [0.955, −1.95];
        // d₃ = [2.4775, −1.975], x₃ = [0.70725, −1.7525].
        var trajectory = RunThreeSteps(new SgdOptimizer<double>(2, 0, false, 0.5));
        AssertTrajectory([[0.9, -2], [0.955, -1.95], [0.70725, -1.7525]], trajectory);
    }

    [Fact]
    public void Step_WeightDecayAndMomentum_DecayEntersTheBuffer()
    {
        // λ = 0.5, μ = 0.9: d₁ = [1, 0], b₁ = [1, 0], x₁ = [0.9, −2];
        // d₂ = [−0.55, −0.5], b₂ = [0.35, −0.5], x₂ = [0.865, −1.95];
        // d₃ = [2 + 0.4325, −1 − 0.975] = [2.4325, −1.975], b₃ = [2.7475, −2.425], x₃ = [0.59025, −1.7075].
        var trajectory = RunThreeSteps(new SgdOptimizer<double>(2, 0.9, false, 0.5));
        AssertTrajectory([[0.9, -2], [0.865, -1.95], [0.59025, -1.7075]], trajectory);
    }

    [Fact]
    public void Step_Float_MatchesDoubleToFloatPrecision()
    {
        var optimizer = new SgdOptimizer<float>(2, 0.9f, true, 0.5f);
        float[] x = [1f, -2f];
        foreach (var g in Gradients)
            optimizer.Step(x, [(float)g[0], (float)g[1]], 0.1f);
        var expected = RunThreeSteps(new SgdOptimizer<double>(2, 0.9, true, 0.5))[^1];
        Assert.Equal(expected[0], x[0], 1e-6);
        Assert.Equal(expected[1], x[1], 1e-6);
    }

    [Fact]
    public void Reset_AfterSteps_BehavesLikeAFreshOptimizer()
    {
        var optimizer = new SgdOptimizer<double>(2, 0.9, true, 0.5);
        RunThreeSteps(optimizer);
        optimizer.Reset();
        Assert.Equal([0.0, 0.0], optimizer.MomentumBuffer.ToArray());
        AssertTrajectory(RunThreeSteps(new SgdOptimizer<double>(2, 0.9, true, 0.5)), RunThreeSteps(optimizer), 0);
    }

    [Fact]
    public void MomentumBuffer_NoMomentum_IsEmpty()
    {
        Assert.Equal(0, new SgdOptimizer<double>(5, 0, false, 0).MomentumBuffer.Length);
    }

    [Fact]
    public void Constructor_MomentumOutOfRange_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SgdOptimizer<double>(2, 1.0, false, 0));
        Assert.Equal("momentum", ex.ParamName);
    }

    [Fact]
    public void Constructor_NesterovWithoutMomentum_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SgdOptimizer<double>(2, 0, true, 0));
        Assert.Equal("nesterov", ex.ParamName);
    }

    [Fact]
    public void Constructor_NegativeWeightDecay_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SgdOptimizer<float>(2, 0f, false, -1f));
        Assert.Equal("weightDecay", ex.ParamName);
    }

    /// <summary>Applies <see cref="Gradients"/> from x₀ = [1, −2] with η = 0.1; returns x₁, x₂, x₃.</summary>
    internal static double[][] RunThreeSteps(ILocalOptimizer<double> optimizer)
    {
        double[] x = [1, -2];
        var trajectory = new double[3][];
        for (var t = 0; t < 3; t++)
        {
            optimizer.Step(x, Gradients[t], 0.1);
            trajectory[t] = (double[])x.Clone();
        }
        return trajectory;
    }

    internal static void AssertTrajectory(double[][] expected, double[][] actual, double tolerance = 1e-14)
    {
        for (var t = 0; t < expected.Length; t++)
            for (var k = 0; k < expected[t].Length; k++)
                Assert.True(Math.Abs(expected[t][k] - actual[t][k]) <= tolerance,
                    $"x_{t + 1}[{k}]: expected {expected[t][k]}, got {actual[t][k]}");
    }
}
