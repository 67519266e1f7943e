using RelayActors.Models.Optim;

namespace RelayActors.Models.Tests.Optim;

public sealed class OptimizerSettingsTests
{
    [Fact]
    public void Create_Sgd_BuildsSgdWithTheSettings()
    {
        // Same trajectory as SgdOptimizerTests.Step_Nesterov_StepsAlongGradientPlusMomentumTimesBuffer.
        var optimizer = new OptimizerSettings(OptimizerKind.Sgd, Momentum: 0.9, Nesterov: true).Create<double>(2);
        Assert.IsType<SgdOptimizer<double>>(optimizer);
        SgdOptimizerTests.AssertTrajectory([[0.905, -2.19], [1.0545, -2.366], [0.71905, -2.2894]], SgdOptimizerTests.RunThreeSteps(optimizer));
    }

    [Fact]
    public void Create_Adam_BuildsAdamForTheParameterCount()
    {
        var optimizer = new OptimizerSettings(OptimizerKind.Adam).Create<float>(11);
        Assert.IsType<AdamOptimizer<float>>(optimizer);
        Assert.Equal(11, optimizer.ParameterCount);
    }

    [Fact]
    public void Defaults_ArePyTorchsHyperParameters()
    {
        var settings = new OptimizerSettings();
        Assert.Equal((OptimizerKind.Sgd, 0.1, 0.0, false, 0.0), (settings.Kind, settings.LearningRate, settings.Momentum, settings.Nesterov, settings.WeightDecay));
        Assert.Equal((0.9, 0.999, 1e-8), (settings.Beta1, settings.Beta2, settings.Epsilon));
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, -0.1, 0.0, false, 0.0, 0.9, 1e-8, "LearningRate")]
    [InlineData(OptimizerKind.Sgd, 0.1, 1.0, false, 0.0, 0.9, 1e-8, "Momentum")]
    [InlineData(OptimizerKind.Sgd, 0.1, 0.0, true, 0.0, 0.9, 1e-8, "Momentum")]
    [InlineData(OptimizerKind.Sgd, 0.1, 0.0, false, -1e-4, 0.9, 1e-8, "WeightDecay")]
    [InlineData(OptimizerKind.Adam, 0.1, 0.0, false, 0.0, 1.5, 1e-8, "Beta1")]
    [InlineData(OptimizerKind.Adam, 0.1, 0.0, false, 0.0, 0.9, 0.0, "Epsilon")]
    [InlineData((OptimizerKind)7, 0.1, 0.0, false, 0.0, 0.9, 1e-8, "Kind")]
    public void Validate_BadValue_ThrowsNamingIt(OptimizerKind kind, double rate, double momentum, bool nesterov, double weightDecay, double beta1, double epsilon, string name)
    {
        var settings = new OptimizerSettings(kind, rate, momentum, nesterov, weightDecay, Beta1: beta1, Epsilon: epsilon);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(settings.Validate);
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Validate_AdamIgnoresSgdOnlyFields()
    {
        new OptimizerSettings(OptimizerKind.Adam, Momentum: 5, Nesterov: true).Validate();
    }
}
