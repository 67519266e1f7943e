using System.Xml.Linq;

namespace RelayActors.Host.Tests.Commands;

public sealed class CompareCommandTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private readonly string _output = Path.Combine(Path.GetTempPath(), $"relay-compare-{Guid.NewGuid():N}");

    public CompareCommandTests() => Directory.CreateDirectory(_output);

    public void Dispose()
    {
        if (Directory.Exists(_output))
            Directory.Delete(_output, recursive: true);
    }

    /// <summary>Two rows × one α × two seeds of a logistic regression on 4 workers, one epoch: 4 cells of a fraction of a second.</summary>
    private string TrainingGrid(string extra = "") => Write("training.conf", $$"""
        relay-actors {
          compare {
            name = tiny
            output = "{{_output.Replace("\\", "\\\\", StringComparison.Ordinal)}}"
            algorithms = [
              { algorithm = relaysgd, topology = chain }
              { algorithm = all-reduce }
            ]
            alphas = [0.5]
            seeds = [1, 2]
            {{extra}}
          }
          training {
            workers = 4, model = logistic-regression, synthetic-train-samples = 256, synthetic-test-samples = 40
            batch-size = 16, epochs = 1, evaluate-every = 0.5, clock = virtual
          }
        }
        """);

    private string QuadraticsGrid() => Write("quadratics.conf", $$"""
        relay-actors {
          compare {
            name = scal
            output = "{{_output.Replace("\\", "\\\\", StringComparison.Ordinal)}}"
            kind = quadratics
            algorithms = [
              { algorithm = relaysgd, topology = chain, learning-rate = 0.5 }
              { algorithm = all-reduce, learning-rate = 0.5 }
            ]
            workers = [3, 6]
            seeds = [1, 2]
          }
          quadratics { dimension = 4, r0 = 10, steps = 200, target = 1e-4 }
        }
        """);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_output, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Folder(string name) => Path.Combine(_output, name);

    [Fact]
    public void Compare_TrainingGrid_RunsEveryCellAndWritesTablePlotsAndPage()
    {
        var run = CliRun.Of("compare", "--config", TrainingGrid());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("cells: 4 run, 0 reused", run.Output, StringComparison.Ordinal);
        var cells = Directory.GetDirectories(Path.Combine(Folder("tiny"), "cells")).Select(Path.GetFileName).Order();
        Assert.Equal(["all-reduce-fully-connected-a0.5-s1", "all-reduce-fully-connected-a0.5-s2", "relaysgd-chain-a0.5-s1", "relaysgd-chain-a0.5-s2"], cells);
        Assert.True(File.Exists(Path.Combine(Folder("tiny"), "cells", "relaysgd-chain-a0.5-s1", "relaysgd", "metrics.csv")));
        var table = File.ReadAllLines(Path.Combine(Folder("tiny"), "table.md"));
        Assert.Contains("| algorithm | topology | learning rate | α = 0.5 |", table);
        Assert.Contains(table, l => l.StartsWith("| relaysgd | chain | 0.1 | ", StringComparison.Ordinal) && l.Contains(" ± ", StringComparison.Ordinal));
        Assert.Contains(table, l => l.StartsWith("| all-reduce | fully-connected | 0.03 | ", StringComparison.Ordinal));
        Assert.Equal("algorithm,topology,learning_rate,alpha=0.5 mean,alpha=0.5 std,alpha=0.5 seeds", File.ReadLines(Path.Combine(Folder("tiny"), "table.csv")).First());
        var plots = Directory.GetFiles(Path.Combine(Folder("tiny"), "plots"), "*.svg");
        Assert.Equal(4, plots.Length);
        foreach (var plot in plots)
        {
            var series = XDocument.Load(plot).Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "series");
            Assert.Equal(["relaysgd-chain", "all-reduce-fully-connected"], series.Select(p => (string?)p.Attribute("data-series")));
        }
        var page = File.ReadAllText(Path.Combine(Folder("tiny"), "index.html"));
        Assert.Contains("<table>", page, StringComparison.Ordinal);
        Assert.All(plots, plot => Assert.Contains($"plots/{Path.GetFileName(plot)}", page, StringComparison.Ordinal));
        Assert.Equal(plots.Length, page.Split("<svg ").Length - 1);
    }

    [Fact]
    public void Compare_RunAgain_RecomputesNothing_AndADeletedCellRunsAlone()
    {
        var config = TrainingGrid();
        CliRun.Of("compare", "--config", config);
        var kept = Path.Combine(Folder("tiny"), "cells", "relaysgd-chain-a0.5-s1", "relaysgd", "metrics.csv");
        var written = File.GetLastWriteTimeUtc(kept);

        var again = CliRun.Of("compare", "--config", config);
        Directory.Delete(Path.Combine(Folder("tiny"), "cells", "all-reduce-fully-connected-a0.5-s2"), recursive: true);
        var afterDelete = CliRun.Of("compare", "--config", config);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("cells: 0 run, 4 reused", again.Output, StringComparison.Ordinal);
        Assert.Contains("cells: 1 run, 3 reused", afterDelete.Output, StringComparison.Ordinal);
        Assert.Contains("[1/1] all-reduce-fully-connected-a0.5-s2", afterDelete.Error, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(kept));
    }

    [Fact]
    public void Compare_ChangedSettingsOfAFinishedCell_AreRefusedUnlessFresh()
    {
        CliRun.Of("compare", "--config", TrainingGrid());

        var changed = CliRun.Of("compare", "--config", TrainingGrid(), "--set", "relay-actors.training.epochs=2");
        var fresh = CliRun.Of("compare", "--config", TrainingGrid(), "--set", "relay-actors.training.epochs=2", "--fresh");

        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("finished earlier under other settings", changed.Error, StringComparison.Ordinal);
        Assert.True(fresh.ExitCode == 0, fresh.Error);
        Assert.Contains("cells: 4 run, 0 reused", fresh.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_QuadraticsGrid_TablesStepsPerWorkerCountAndPlotsScalability()
    {
        var first = CliRun.Of("compare", "--config", QuadraticsGrid());
        var second = CliRun.Of("compare", "--config", QuadraticsGrid());

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("cells: 8 run, 0 reused", first.Output, StringComparison.Ordinal);
        Assert.Contains("cells: 0 run, 8 reused", second.Output, StringComparison.Ordinal);
        var table = File.ReadAllLines(Path.Combine(Folder("scal"), "table.md"));
        Assert.Equal("| algorithm | topology | n = 3 | n = 6 |", table[2]);
        Assert.Contains(table, l => l.StartsWith("| relaysgd | chain | ", StringComparison.Ordinal) && l.Contains("(η 0.5)", StringComparison.Ordinal));
        Assert.StartsWith("algorithm,topology,n=3 mean,n=3 std,n=3 seeds,n=3 learning_rate,", File.ReadLines(Path.Combine(Folder("scal"), "table.csv")).First(), StringComparison.Ordinal);
        var plots = Directory.GetFiles(Path.Combine(Folder("scal"), "plots")).Select(Path.GetFileName).Order();
        Assert.Equal(["error-steps-n3.svg", "error-steps-n6.svg", "steps-to-target.svg"], plots);
        var scalability = XDocument.Load(Path.Combine(Folder("scal"), "plots", "steps-to-target.svg"));
        Assert.Equal(2, scalability.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "series"));
    }

    [Theory]
    [InlineData("algorithms = [{ algorithm = relaysum, topology = chain }]", 1, "relay-actors.compare.algorithms[0].algorithm = relaysum")]
    [InlineData("seeds = []", 1, "relay-actors.compare.seeds = []")]
    [InlineData("algorithms = [{ algorithm = relaysgd, topology = ring }]", 2, "relaysgd-ring-a0.5-s1")]
    public void Compare_BadConfig_FailsBeforeRunningWithTheKeyPathAndExitCode(string line, int exitCode, string expected)
    {
        var run = CliRun.Of("compare", "--config", TrainingGrid(line));

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder("tiny")));
    }
}
