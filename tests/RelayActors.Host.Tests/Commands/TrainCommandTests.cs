using System.Globalization;
using System.Text.Json;

namespace RelayActors.Host.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"relay-train-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_output))
            Directory.Delete(_output, recursive: true);
    }

    private string[] Tiny(params string[] extra) =>
    [
        "train", "--workers", "4", "--topology", "chain", "--model", "mlp", "--epochs", "2", "--name", "tiny",
        "--set", $"relay-actors.training.output=\"{_output}\"",
        "--set", "relay-actors.training.synthetic-train-samples=512",
        "--set", "relay-actors.training.synthetic-test-samples=100",
        "--set", "relay-actors.training.batch-size=16",
        .. extra,
    ];

    [Fact]
    public void Train_Tiny_WritesMetricsSummaryAndComparisonForEachAlgorithm()
    {
        // The flag takes a HOCON list as its help says (it was once quoted into one unknown name).
        var run = CliRun.Of(Tiny("--algorithms", "[relaysgd, all-reduce]"));

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var algorithm in new[] { "relaysgd", "all-reduce" })
        {
            var folder = Path.Combine(_output, "tiny", algorithm);
            var metrics = File.ReadAllLines(Path.Combine(folder, "metrics.csv"));
            Assert.StartsWith("step,epoch,time_s,train_loss,worst_accuracy", metrics[0], StringComparison.Ordinal);
            // Epochs 0, 1 and 2: 512 samples / 4 workers / 16 = 8 steps per epoch.
            Assert.Equal(["0", "8", "16"], metrics.Skip(1).Select(l => l.Split(',')[0]));
            Assert.Equal("", metrics[1].Split(',')[3]); // no training loss before the first step
            Assert.True(double.Parse(metrics[2].Split(',')[3], CultureInfo.InvariantCulture) > 0);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
            Assert.Equal(algorithm, summary.RootElement.GetProperty("algorithm").GetString());
            Assert.Equal(16, summary.RootElement.GetProperty("steps").GetInt64());
            Assert.Equal(4, summary.RootElement.GetProperty("worker_accuracy").GetArrayLength());
            Assert.Equal(algorithm == "all-reduce" ? 0.03 : 0.1, summary.RootElement.GetProperty("learning_rate").GetDouble());
            Assert.True(File.Exists(Path.Combine(folder, "checkpoint.bin")));
        }
        Assert.Contains("| relaysgd | chain |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| all-reduce | fully-connected |", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "tiny", "summary.md")));
    }

    [Fact]
    public void Train_QuasiGlobalMomentumAndSgp_RunAndNameTheirTopologies()
    {
        var run = CliRun.Of(Tiny("--set", "relay-actors.training.algorithms=[quasi-global-momentum,sgp]"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("| quasi-global-momentum | chain |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| sgp | exponential |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_QuasiGlobalMomentumWithAdam_FailsNamingTheOptimizer()
    {
        var run = CliRun.Of(Tiny("--algorithms", "quasi-global-momentum", "--set", "relay-actors.training.optimizer.kind=adam"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("quasi-global-momentum runs on SGD only, but worker 0's local optimizer is AdamOptimizer", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_RunAgain_ReusesFinishedRunWithoutTraining()
    {
        var first = CliRun.Of(Tiny("--algorithms", "relaysgd"));
        var metrics = Path.Combine(_output, "tiny", "relaysgd", "metrics.csv");
        var before = File.ReadAllText(metrics);

        var second = CliRun.Of(Tiny("--algorithms", "relaysgd"));

        Assert.Equal(0, first.ExitCode);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("finished earlier", second.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(metrics));
        Assert.Equal(first.OutputLines.First(l => l.StartsWith("| relaysgd", StringComparison.Ordinal)).Split('|')[3], second.OutputLines.First(l => l.StartsWith("| relaysgd", StringComparison.Ordinal)).Split('|')[3]);
    }

    [Fact]
    public void Train_AfterCrashMidWrite_DropsThePartialRowAndRewritesTheSummary()
    {
        CliRun.Of(Tiny("--algorithms", "relaysgd"));
        var folder = Path.Combine(_output, "tiny", "relaysgd");
        var metrics = Path.Combine(folder, "metrics.csv");
        var rows = File.ReadAllLines(metrics);
        File.AppendAllText(metrics, "24,3,1.5,0.9"); // a row cut short, as a crash during the append leaves it
        File.WriteAllText(Path.Combine(folder, "summary.json"), "{ \"algorithm\": "); // and a torn summary

        var again = CliRun.Of(Tiny("--algorithms", "relaysgd"));

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(rows, File.ReadAllLines(metrics));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal(16, summary.RootElement.GetProperty("steps").GetInt64());
    }

    [Fact]
    public void Train_ChangedSettingsOverCheckpoint_RefusesUntilFresh()
    {
        CliRun.Of(Tiny("--algorithms", "relaysgd"));

        var changed = CliRun.Of(Tiny("--algorithms", "relaysgd", "--learning-rate", "0.05"));
        var fresh = CliRun.Of(Tiny("--algorithms", "relaysgd", "--learning-rate", "0.05", "--fresh"));

        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("other settings", changed.Error, StringComparison.Ordinal);
        Assert.True(fresh.ExitCode == 0, fresh.Error);
    }

    [Fact]
    public void Train_MissingFashionMnist_NamesPathAndPackage()
    {
        var missing = Path.Combine(_output, "no-such-dir");

        var run = CliRun.Of(Tiny("--dataset", "fashion-mnist", "--set", $"relay-actors.training.data-directory=\"{missing}\""));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Contains("dataset-fashion-mnist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_RelaySgdOnRing_ExplainsTheTreeRequirement()
    {
        var run = CliRun.Of("train", "--workers", "4", "--topology", "ring", "--algorithms", "relaysgd", "--set", $"relay-actors.training.output=\"{_output}\"");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("spanning-tree", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_UnknownKey_FailsNamingIt()
    {
        var run = CliRun.Of("train", "--set", "relay-actors.training.learning-rate=0.1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("relay-actors.training.learning-rate", run.Error, StringComparison.Ordinal);
    }
}
