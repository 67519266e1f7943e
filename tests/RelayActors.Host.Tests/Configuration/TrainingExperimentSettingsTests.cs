using RelayActors.Actors.Compression;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Training;
using RelayActors.Host.Configuration;
using RelayActors.Models.Networks;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Host.Tests.Configuration;

public sealed class TrainingExperimentSettingsTests
{
    [Fact]
    public void RepositoryReferenceConf_TrainingSection_MatchesEmbeddedReference()
    {
        var file = Config.Load(RepositoryRoot.File("hocon", "reference.conf")).GetConfig(TrainingExperimentSettings.ConfigPath);
        var embedded = Config.Parse(TrainingExperimentSettings.Reference).GetConfig(TrainingExperimentSettings.ConfigPath);

        Assert.Equal(embedded.Render(), file.Render());
    }

    [Fact]
    public void FromConfig_Empty_ComparesRelaySgdWithAllReduceOnDirichletSplit()
    {
        var s = TrainingExperimentSettings.FromConfig(Config.Empty);

        Assert.Equal([Algorithm.RelaySgd, Algorithm.AllReduce], s.Algorithms);
        Assert.Equal((ModelKind.LeNet, DatasetKind.Synthetic, SplitKind.Dirichlet, 16, 32), (s.Model, s.Dataset, s.Split, s.Workers, s.BatchSize));
    }

    [Fact]
    public void FromConfig_SingleAlgorithmName_IsAListOfOne()
    {
        var s = TrainingExperimentSettings.FromConfig(Config.Parse("relay-actors.training.algorithms = d2"));

        Assert.Equal([Algorithm.D2], s.Algorithms);
    }

    [Theory]
    [InlineData("algorithms = [relaysgd, relaysgd]", "listed twice")]
    [InlineData("algorithms = [relaysum]", "must be one of")]
    [InlineData("model = resnet", "must be one of")]
    [InlineData("decay-epochs = [5, 3]", "strictly increasing")]
    [InlineData("name = \"../x\"", "folder name")]
    [InlineData("optimizer { momentum = 0, nesterov = true }", "momentum")]
    [InlineData("local-steps = 0", "relay-actors.training.local-steps")]
    [InlineData("choco { compressor = top-j }", "choco.compressor = top-j must be one of")]
    [InlineData("choco { consensus-step = 0 }", "choco.consensus-step")]
    public void FromConfig_BadValue_FailsNamingTheKey(string line, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => TrainingExperimentSettings.FromConfig(Config.Parse($"relay-actors.training {{ {line} }}")));

        Assert.Contains("relay-actors.training.", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRunSettings_CarriesTheChocoBlockAndItsLearningRate()
    {
        var s = TrainingExperimentSettings.FromConfig(Config.Parse("relay-actors.training { algorithms = [choco-sgd], choco { compressor = sign, consensus-step = 0.1 }, learning-rates.choco-sgd = 0.05 }"));

        var run = s.ToRunSettings(Algorithm.ChocoSgd, stepsPerEpoch: 10);

        Assert.Equal((CompressorKind.ScaledSign, 0.1), (run.Choco.Compressor.Kind, run.Choco.ConsensusStep));
        Assert.Equal(0.05, run.Optimizer.LearningRate);
    }

    [Fact]
    public void Describe_DependsOnTheChocoBlockOnlyForChocoSgd()
    {
        var other = Config.Parse("relay-actors.training.choco.fraction = 0.01");

        Assert.Equal(TrainingExperimentSettings.Describe(Config.Empty, Algorithm.Gossip), TrainingExperimentSettings.Describe(other, Algorithm.Gossip));
        Assert.NotEqual(TrainingExperimentSettings.Describe(Config.Empty, Algorithm.ChocoSgd), TrainingExperimentSettings.Describe(other, Algorithm.ChocoSgd));
    }

    [Fact]
    public void ToRunSettings_EpochsBecomeSteps()
    {
        var s = TrainingExperimentSettings.FromConfig(Config.Parse("relay-actors.training { epochs = 2.5, evaluate-every = 0.5 }"));

        var run = s.ToRunSettings(Algorithm.RelaySgd, stepsPerEpoch: 10);

        Assert.Equal((25L, 5L), (run.Steps, run.EvaluateEvery));
    }

    [Fact]
    public void ToRunSettings_LocalSteps_RoundsBudgetAndEvaluationUpToWholeRounds()
    {
        var s = TrainingExperimentSettings.FromConfig(Config.Parse("relay-actors.training { epochs = 2.5, evaluate-every = 0.5, local-steps = 3 }"));

        var run = s.ToRunSettings(Algorithm.RelaySgd, stepsPerEpoch: 10);

        Assert.Equal((27L, 6L, 3), (run.Steps, run.EvaluateEvery, run.LocalSteps));
        run.Validate();
    }

    [Fact]
    public void ToRunSettings_Default_IsOneLocalStepWithUnroundedBudget()
    {
        var run = TrainingExperimentSettings.FromConfig(Config.Empty).ToRunSettings(Algorithm.RelaySgd, stepsPerEpoch: 7);

        Assert.Equal((56L, 7L, 1), (run.Steps, run.EvaluateEvery, run.LocalSteps));
    }

    [Fact]
    public void Describe_LocalSteps_ChangesTheDescription()
    {
        Assert.NotEqual(TrainingExperimentSettings.Describe(Config.Empty, Algorithm.RelaySgd), TrainingExperimentSettings.Describe(Config.Parse("relay-actors.training.local-steps = 2"), Algorithm.RelaySgd));
    }

    [Fact]
    public void Describe_IgnoresNameAndOutputButNotLearningRate()
    {
        var a = TrainingExperimentSettings.Describe(Config.Parse("relay-actors.training { name = a, output = x }"), Algorithm.RelaySgd);
        var b = TrainingExperimentSettings.Describe(Config.Parse("relay-actors.training { name = b, output = y }"), Algorithm.RelaySgd);
        var c = TrainingExperimentSettings.Describe(Config.Parse("relay-actors.training.optimizer.learning-rate = 0.2"), Algorithm.RelaySgd);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, TrainingExperimentSettings.Describe(Config.Empty, Algorithm.AllReduce));
    }

    [Fact]
    public void LearningRates_OverrideTheBaseRatePerAlgorithm()
    {
        var settings = TrainingExperimentSettings.FromConfig(Config.Parse("relay-actors.training { optimizer.learning-rate = 0.2, learning-rates.all-reduce = 0.03 }"));

        Assert.Equal(0.03, settings.ToRunSettings(Algorithm.AllReduce, stepsPerEpoch: 10).Optimizer.LearningRate);
        Assert.Equal(0.2, settings.ToRunSettings(Algorithm.RelaySgd, stepsPerEpoch: 10).Optimizer.LearningRate);
    }

    [Fact]
    public void Describe_DependsOnlyOnTheAlgorithmsOwnRate()
    {
        var plain = TrainingExperimentSettings.Describe(Config.Empty, Algorithm.RelaySgd);
        var otherRate = TrainingExperimentSettings.Describe(Config.Parse("relay-actors.training.learning-rates.all-reduce = 0.03"), Algorithm.RelaySgd);
        var ownRate = TrainingExperimentSettings.Describe(Config.Parse("relay-actors.training.learning-rates.relaysgd = 0.03"), Algorithm.RelaySgd);
        var sameRateSpelledOut = TrainingExperimentSettings.Describe(Config.Parse("relay-actors.training.learning-rates.relaysgd = 0.1"), Algorithm.RelaySgd);

        Assert.Equal(plain, otherRate);
        Assert.Equal(plain, sameRateSpelledOut);
        Assert.NotEqual(plain, ownRate);
    }

    [Fact]
    public void LearningRates_UnknownAlgorithm_FailsNamingTheKey()
    {
        var ex = Assert.Throws<ConfigurationException>(() => TrainingExperimentSettings.FromConfig(Config.Parse("relay-actors.training.learning-rates.relaysum = 0.1")));

        Assert.Contains("learning-rates.relaysum", ex.Message, StringComparison.Ordinal);
    }
}
