using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Host.Commands;
using RelayActors.Host.Configuration;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Host.Tests.Configuration;

public sealed class CompareSettingsTests
{
    [Fact]
    public void RepositoryReferenceConf_CompareSection_MatchesEmbeddedReference()
    {
        var file = Config.Load(RepositoryRoot.File("hocon", "reference.conf")).GetConfig(CompareSettings.ConfigPath);
        var embedded = Config.Parse(CompareSettings.Reference).GetConfig(CompareSettings.ConfigPath);

        Assert.Equal(embedded.Render(), file.Render());
    }

    [Fact]
    public void FromConfig_Rows_ReadAlgorithmTopologyAndRate_AllReduceOnFullyConnected()
    {
        var s = CompareSettings.FromConfig(Config.Parse("""
            relay-actors.compare.algorithms = [
              { algorithm = relaysgd, topology = chain, learning-rate = 0.3 }
              { algorithm = d2 }
              { algorithm = all-reduce, topology = ring }
            ]
            relay-actors.training.topology = ring
            """));

        Assert.Equal(new CompareEntry(Algorithm.RelaySgd, TopologyKind.Chain, 0.3), s.Entries[0]);
        Assert.Equal(new CompareEntry(Algorithm.D2, TopologyKind.Ring, null), s.Entries[1]);
        Assert.Equal("all-reduce-fully-connected", s.Entries[2].Label);
        Assert.Equal(1, s.EffectiveParallel);
    }

    [Fact]
    public void FromConfig_Axes_AreReadAndNullKeepsTheBase()
    {
        var s = CompareSettings.FromConfig(Config.Parse("relay-actors.compare { kind = quadratics, workers = [6, 12], seeds = [1, 2, 3], drop-probabilities = [0, 0.1] }"));

        Assert.Equal([6, 12], s.Workers);
        Assert.Equal([1, 2, 3], s.Seeds);
        Assert.Equal([0, 0.1], s.DropProbabilities);
        Assert.Null(s.Alphas);
        Assert.Equal(Environment.ProcessorCount, s.EffectiveParallel);
    }

    [Theory]
    [InlineData("algorithms = [{ algorithm = relaysum, topology = chain }]", "relay-actors.compare.algorithms[0].algorithm = relaysum must be one of relaysgd")]
    [InlineData("algorithms = [{ algorithm = relaysgd, topology = chain }, { algorithm = d2, topology = donut }]", "relay-actors.compare.algorithms[1].topology = donut must be one of chain")]
    [InlineData("algorithms = [{ topology = chain }]", "relay-actors.compare.algorithms[0].algorithm = (missing)")]
    [InlineData("algorithms = [{ algorithm = d2, toplogy = ring }]", "relay-actors.compare.algorithms[0].toplogy")]
    [InlineData("algorithms = [{ algorithm = d2, topology = ring }, { algorithm = d2, topology = ring }]", "relay-actors.compare.algorithms[1] = d2-ring is listed twice")]
    [InlineData("algorithms = []", "relay-actors.compare.algorithms = [] must list at least one")]
    [InlineData("alphas = []", "relay-actors.compare.alphas = [] must hold at least one value")]
    [InlineData("seeds = []", "relay-actors.compare.seeds = [] must hold at least one value")]
    [InlineData("alphas = [1, 0]", "relay-actors.compare.alphas[1] = 0 must be above 0")]
    [InlineData("alphas = [1, 1]", "relay-actors.compare.alphas[1] = 1 is listed twice")]
    [InlineData("seeds = [1.5]", "relay-actors.compare.seeds[0] = 1.5 must be a whole number")]
    [InlineData("drop-probabilities = [0, 1]", "relay-actors.compare.drop-probabilities[1] = 1 must be in [0, 1)")]
    [InlineData("workers = [4]", "relay-actors.compare.workers = [4] applies to kind = quadratics only")]
    [InlineData("kind = quadratics, alphas = [1]", "relay-actors.compare.alphas = [1] applies to kind = training only")]
    [InlineData("kind = images", "relay-actors.compare.kind = images must be one of training, quadratics")]
    [InlineData("name = \"a/b\"", "relay-actors.compare.name = a/b must be a folder name")]
    public void FromConfig_InvalidValue_NamesTheKeyPath(string line, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => CompareSettings.FromConfig(Config.Parse($"relay-actors.compare {{ {line} }}")));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_EveryAlgorithmName_IsAccepted()
    {
        var rows = string.Join(", ", AlgorithmNames.All.Select(name => $"{{ algorithm = {name}, topology = chain }}"));

        var s = CompareSettings.FromConfig(Config.Parse($"relay-actors.compare.algorithms = [{rows}]"));

        Assert.Equal(AlgorithmNames.All, s.Entries.Select(e => e.AlgorithmName));
    }

    [Theory]
    [InlineData("compare-smoke.conf", 12)]
    [InlineData("compare-fashion-mnist.conf", 72)]
    [InlineData("compare-quadratics-scalability.conf", 90)]
    [InlineData("compare-unreliable.conf", 9)]
    public void ExperimentFile_BuildsAGridWhoseEveryCellCanRun(string file, int cells)
    {
        var config = ExperimentConfig.Load(RepositoryRoot.File("hocon", "experiments", file), [], []);
        var settings = CompareSettings.FromConfig(config);

        var grid = CompareGrid.Build(settings, config);

        ICompareCellRunner runner = settings.Kind == CompareKind.Training ? new TrainingCellRunner() : new QuadraticsCellRunner(1);
        Assert.Equal(cells, grid.Cells.Count);
        Assert.All(grid.Cells, cell => Assert.Null(runner.Check(cell)));
    }
}
