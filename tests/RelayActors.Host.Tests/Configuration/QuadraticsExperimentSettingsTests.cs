using RelayActors.Actors.Compression;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Host.Configuration;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Host.Tests.Configuration;

public sealed class QuadraticsExperimentSettingsTests
{
    [Fact]
    public void RepositoryReferenceConf_QuadraticsSection_MatchesEmbeddedReference()
    {
        var file = Config.Load(RepositoryRoot.File("hocon", "reference.conf")).GetConfig(QuadraticsExperimentSettings.ConfigPath);
        var embedded = Config.Parse(QuadraticsExperimentSettings.Reference).GetConfig(QuadraticsExperimentSettings.ConfigPath);

        Assert.Equal(embedded.Render(), file.Render());
    }

    [Fact]
    public void FromConfig_Empty_GivesReferenceDefaults()
    {
        var settings = QuadraticsExperimentSettings.FromConfig(Config.Empty);

        Assert.Equal((Algorithm.RelaySgd, TopologyKind.Chain, 16, 10, 1.0, 0.5), (settings.Algorithm, settings.Topology, settings.Workers, settings.Dimension, settings.Zeta2, settings.Mu));
        Assert.Equal((0.5, 1000L, 1e-6, false), (settings.LearningRate, settings.Steps, settings.Target, settings.Tune));
        Assert.Equal(1, settings.LocalSteps);
    }

    [Fact]
    public void FromConfig_Empty_ChocoSendsTheTopTenthWithConsensusStepFifth()
    {
        var choco = QuadraticsExperimentSettings.FromConfig(Config.Empty).Choco;

        Assert.Equal((CompressorKind.TopK, 0.1, 16, 0.2), (choco.Compressor.Kind, choco.Compressor.Fraction, choco.Compressor.Levels, choco.ConsensusStep));
    }

    [Fact]
    public void FromConfig_ChocoBlock_SetsCompressorAndConsensusStep()
    {
        var settings = QuadraticsExperimentSettings.FromConfig(Config.Parse("relay-actors.quadratics { algorithm = choco-sgd, choco { compressor = qsgd, levels = 4, consensus-step = 0.05 } }"));

        Assert.Equal(Algorithm.ChocoSgd, settings.Algorithm);
        Assert.Equal((CompressorKind.Qsgd, 4, 0.05), (settings.Choco.Compressor.Kind, settings.Choco.Compressor.Levels, settings.Choco.ConsensusStep));
    }

    [Fact]
    public void FromConfig_MuNull_ScalesByLargestSingularValue()
    {
        var settings = QuadraticsExperimentSettings.FromConfig(Config.Parse("relay-actors.quadratics.mu = null"));

        Assert.Null(settings.Mu);
    }

    [Fact]
    public void FromConfig_UnknownKey_FailsWithSuggestion()
    {
        var ex = Assert.Throws<ConfigurationException>(() => QuadraticsExperimentSettings.FromConfig(Config.Parse("relay-actors.quadratics.learning-rat = 0.1")));

        Assert.Contains("learning-rat", ex.Message, StringComparison.Ordinal);
        Assert.Contains("learning-rate", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("algorithm = push-sum", "relay-actors.quadratics.algorithm")]
    [InlineData("workers = 0", "relay-actors.quadratics.workers")]
    [InlineData("learning-rate = -1", "relay-actors.quadratics.learning-rate")]
    [InlineData("steps = 0", "relay-actors.quadratics.steps")]
    [InlineData("local-steps = 0", "relay-actors.quadratics.local-steps")]
    [InlineData("local-steps = 1.5", "relay-actors.quadratics.local-steps")]
    [InlineData("fill = last", "relay-actors.quadratics.fill")]
    [InlineData("choco.compressor = gzip", "relay-actors.quadratics.choco.compressor")]
    [InlineData("choco.fraction = 0", "relay-actors.quadratics.choco.fraction")]
    [InlineData("choco.fraction = 1.5", "relay-actors.quadratics.choco.fraction")]
    [InlineData("choco.levels = 0", "relay-actors.quadratics.choco.levels")]
    [InlineData("choco.consensus-step = 2", "relay-actors.quadratics.choco.consensus-step")]
    [InlineData("choco.ratio = 0.1", "relay-actors.quadratics.choco.ratio")]
    public void FromConfig_BadValue_NamesTheKey(string assignment, string key)
    {
        var ex = Assert.Throws<ConfigurationException>(() => QuadraticsExperimentSettings.FromConfig(Config.Parse($"relay-actors.quadratics.{assignment}")));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
