using RelayActors.Models.Optim;

namespace RelayActors.Models.Tests.Optim;

// β₁ = 0.9, β₂ = 0.999, ε = 1e-8, η = 0.1, x₀ = [1, −2], g₁ = [2, 0.5], g₂ = [−1, 0.5]; the bias-corrected moments are
// worked out by hand in each test and the final division is left as an expression.
public sealed class AdamOptimizerTests
{
    private const double Epsilon = 1e-8;

    [Fact]
    public void Step_FirstStep_MovesEachCoordinateByAboutTheLearningRate()
    {
        // m₁ = 0.1·g₁, v₁ = 0.001·g₁²; corrected m̂ = g₁, √v̂ = |g₁|: u = −0.1·g/(|g| + ε).
        var adam = new AdamOptimizer<double>(2, 0.9, 0.999, Epsilon, 0);
        double[] x = [1, -2];
        adam.Step(x, [2, 0.5], 0.1);
        Assert.Equal(1 - (0.1 * 2 / (2 + Epsilon)), x[0], 1e-15);
        Assert.Equal(-2 - (0.1 * 0.5 / (0.5 + Epsilon)), x[1], 1e-15);
        Assert.Equal(0.2, adam.FirstMoment[0], 1e-16);
        Assert.Equal(0.004, adam.SecondMoment[0], 1e-17);
        Assert.Equal(1, adam.StepCount);
    }

    [Fact]
    public void Step_SecondStep_UsesBiasCorrectedMoments()
    {
        // m₂ = 0.9·[0.2, 0.05] + 0.1·[−1, 0.5] = [0.08, 0.095];
        // v₂ = 0.999·[0.004, 0.00025] + 0.001·[1, 0.25] = [0.004996, 0.00049975];
        // corrections 1 − 0.9² = 0.19 and 1 − 0.999² = 0.001999, so m̂₂ = [0.08/0.19, 0.5] and v̂₂ = [0.004996/0.001999, 0.25].
        var adam = new AdamOptimizer<double>(2, 0.9, 0.999, Epsilon, 0);
        double[] x = [1, -2];
        adam.Step(x, [2, 0.5], 0.1);
        double[] x1 = [.. x];
        adam.Step(x, [-1, 0.5], 0.1);
        Assert.Equal(0.08, adam.FirstMoment[0], 1e-15);
        Assert.Equal(0.095, adam.FirstMoment[1], 1e-15);
        Assert.Equal(0.004996, adam.SecondMoment[0], 1e-15);
        Assert.Equal(0.00049975, adam.SecondMoment[1], 1e-15);
        Assert.Equal(x1[0] - (0.1 * (0.08 / 0.19) / (Math.Sqrt(0.004996 / 0.001999) + Epsilon)), x[0], 1e-14);
        Assert.Equal(x1[1] - (0.1 * 0.5 / (0.5 + Epsilon)), x[1], 1e-14);
    }

    [Fact]
    public void Step_WeightDecay_IsAddedToTheGradient()
    {
        // λ = 0.5: d₁ = g₁ + 0.5·x₀ = [0.5 + 0.5, 1 − 1] = [1, 0]; the second coordinate's update is 0/(0 + ε) = 0.
        var adam = new AdamOptimizer<double>(2, 0.9, 0.999, Epsilon, 0.5);
        double[] x = [1, -2];
        adam.Step(x, [0.5, 1], 0.1);
        Assert.Equal(1 - (0.1 / (1 + Epsilon)), x[0], 1e-15);
        Assert.Equal(-2.0, x[1]);
    }

    [Fact]
    public void Reset_AfterSteps_ClearsMomentsAndStepCount()
    {
        var adam = new AdamOptimizer<double>(2, 0.9, 0.999, Epsilon, 0);
        double[] x = [1, -2];
        adam.Step(x, [2, 0.5], 0.1);
        adam.Reset();
        Assert.Equal(0, adam.StepCount);
        Assert.Equal([0.0, 0.0], adam.FirstMoment.ToArray());
        Assert.Equal([0.0, 0.0], adam.SecondMoment.ToArray());
    }

    [Theory]
    [InlineData(1.0, 0.999, 1e-8, 0.0, "beta1")]
    [InlineData(0.9, -0.1, 1e-8, 0.0, "beta2")]
    [InlineData(0.9, 0.999, 0.0, 0.0, "epsilon")]
    [InlineData(0.9, 0.999, 1e-8, double.PositiveInfinity, "weightDecay")]
    public void Constructor_InvalidHyperParameter_ThrowsNamingIt(double beta1, double beta2, double epsilon, double weightDecay, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer<double>(2, beta1, beta2, epsilon, weightDecay));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void StepCount_Negative_Throws()
    {
        var adam = new AdamOptimizer<float>(1, 0.9f, 0.999f, 1e-8f, 0f);
        Assert.Throws<ArgumentOutOfRangeException>(() => adam.StepCount = -1);
    }
}
