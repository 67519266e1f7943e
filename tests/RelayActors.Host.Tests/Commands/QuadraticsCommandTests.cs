using System.Text.Json;

namespace RelayActors.Host.Tests.Commands;

public sealed class QuadraticsCommandTests
{
    private static readonly string[] Small = ["quadratics", "--workers", "6", "--steps", "400", "--format", "json"];

    [Fact]
    public void Quadratics_Json_EndsWithSummaryObjectWithTheIssueKeys()
    {
        var run = CliRun.Of([.. Small, "--learning-rate", "0.8"]);

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(run.OutputLines[^1]);
        var root = summary.RootElement;
        foreach (var key in new[] { "algorithm", "topology", "workers", "steps", "learning_rate", "final_error", "steps_to_target", "seconds", "steps_per_second" })
            Assert.True(root.TryGetProperty(key, out _), $"missing {key}");
        Assert.Equal("relaysgd", root.GetProperty("algorithm").GetString());
        Assert.Equal("chain", root.GetProperty("topology").GetString());
        Assert.Equal(6, root.GetProperty("workers").GetInt32());
        Assert.True(root.GetProperty("final_error").GetDouble() <= 1e-6);
        Assert.Equal(root.GetProperty("steps").GetInt64(), root.GetProperty("steps_to_target").GetInt64());
    }

    [Fact]
    public void Quadratics_TargetNotReached_StepsToTargetIsNull()
    {
        var run = CliRun.Of("quadratics", "--workers", "6", "--steps", "5", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(run.OutputLines[^1]);
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("steps_to_target").ValueKind);
        Assert.Equal(5, summary.RootElement.GetProperty("steps").GetInt64());
    }

    [Fact]
    public void Quadratics_Trace_PrintsOneLinePerStepBeforeTheSummary()
    {
        var run = CliRun.Of("quadratics", "--workers", "4", "--steps", "7", "--format", "json", "--trace");

        Assert.Equal(8, run.OutputLines.Length);
        for (var s = 1; s <= 7; s++)
        {
            using var line = JsonDocument.Parse(run.OutputLines[s - 1]);
            Assert.Equal(s, line.RootElement.GetProperty("step").GetInt64());
            Assert.True(line.RootElement.GetProperty("error").GetDouble() > 0);
        }
    }

    [Fact]
    public void Quadratics_SameSeedTwice_PrintsIdenticalErrors()
    {
        string[] args = ["quadratics", "--workers", "5", "--steps", "30", "--format", "json", "--trace", "--algorithm", "d2", "--topology", "ring", "--latency", "2ms"];

        var first = CliRun.Of(args).OutputLines[..^1];
        var second = CliRun.Of(args).OutputLines[..^1];

        Assert.Equal(first, second);
    }

    [Fact]
    public void Quadratics_Tune_ReportsTrialsAndTheBestLearningRate()
    {
        var run = CliRun.Of("quadratics", "--workers", "4", "--steps", "300", "--format", "json", "--tune");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(run.OutputLines[^1]);
        var trials = summary.RootElement.GetProperty("trials").EnumerateArray().ToList();
        Assert.True(trials.Count >= 25);
        var best = summary.RootElement.GetProperty("steps_to_target").GetInt64();
        Assert.All(trials, t => Assert.True(t.GetProperty("steps_to_target").ValueKind == JsonValueKind.Null || t.GetProperty("steps_to_target").GetInt64() >= best));
        Assert.Contains("tune 1/", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("all-reduce", "ring")]
    [InlineData("gossip", "ring")]
    [InlineData("d2", "ring")]
    [InlineData("gradient-tracking", "ring")]
    [InlineData("relaysgd-grad", "binary-tree")]
    [InlineData("relaysgd", "double-binary-trees")]
    [InlineData("quasi-global-momentum", "ring")]
    [InlineData("sgp", "chain")]
    [InlineData("choco-sgd", "ring")]
    public void Quadratics_EveryAlgorithm_Runs(string algorithm, string topology)
    {
        var run = CliRun.Of("quadratics", "--workers", "8", "--steps", "50", "--format", "json", "--algorithm", algorithm, "--topology", topology, "--learning-rate", "0.3");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(run.OutputLines[^1]);
        Assert.Equal(algorithm, summary.RootElement.GetProperty("algorithm").GetString());
        Assert.False(summary.RootElement.GetProperty("diverged").GetBoolean());
    }

    [Fact]
    public void Quadratics_ChocoSgdTopK_ChargesEveryMessageTheEncodedSize()
    {
        // d = 10, fraction 0.1: one (value, index) pair of a double and an int, plus the 32-byte header.
        var run = CliRun.Of("quadratics", "--workers", "8", "--steps", "40", "--format", "json", "--algorithm", "choco-sgd", "--topology", "ring", "--learning-rate", "0.3");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(run.OutputLines[^1]);
        // 40 steps (the target is far), 8 workers with 2 neighbours each.
        Assert.Equal((40L, 640L), (summary.RootElement.GetProperty("steps").GetInt64(), summary.RootElement.GetProperty("messages").GetInt64()));
        Assert.Equal(640L * (32 + 8 + 4), summary.RootElement.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void Quadratics_ChocoSgdTable_NamesTheCompressor()
    {
        var run = CliRun.Of("quadratics", "--workers", "4", "--steps", "5", "--algorithm", "choco-sgd", "--topology", "ring", "--set", "relay-actors.quadratics.choco.compressor=qsgd");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("compressor qsgd (16 levels), consensus step γ = 0.2", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Quadratics_RelaySgdOnRing_FailsSuggestingSpanningTree()
    {
        var run = CliRun.Of("quadratics", "--topology", "ring");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("relays over a tree", run.Error, StringComparison.Ordinal);
        Assert.Contains("--spanning-tree", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Quadratics_RingWithSpanningTree_RunsAndNamesTheTree()
    {
        var run = CliRun.Of("quadratics", "--topology", "ring", "--workers", "6", "--spanning-tree", "bfs", "--steps", "20");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("spanning tree: bfs from root 0 of ring", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Quadratics_ConfigFileAndSet_LaterWins()
    {
        var file = Path.Combine(Path.GetTempPath(), $"relay-quadratics-{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, "relay-actors.quadratics { workers = 5, steps = 3, algorithm = d2, topology = ring }");
        try
        {
            var run = CliRun.Of("quadratics", "--config", file, "--workers", "7", "--set", "relay-actors.quadratics.steps=4", "--format", "json");

            Assert.Equal(0, run.ExitCode);
            using var summary = JsonDocument.Parse(run.OutputLines[^1]);
            Assert.Equal(("d2", 7, 4L), (summary.RootElement.GetProperty("algorithm").GetString(), summary.RootElement.GetProperty("workers").GetInt32(), summary.RootElement.GetProperty("steps").GetInt64()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--set", "relay-actors.quadratics.wrokers=3", "relay-actors.quadratics.wrokers")]
    [InlineData("--set", "relay-actors.quadratic.workers=3", "relay-actors.quadratic")]
    [InlineData("--workers", "0", "relay-actors.quadratics.workers")]
    [InlineData("--algorithm", "push-sum", "relay-actors.quadratics.algorithm")]
    [InlineData("--set", "relay-actors.network.drop-probability=0.1", "round-timeout")]
    [InlineData("--config", "/nonexistent/experiment.conf", "/nonexistent/experiment.conf")]
    public void Quadratics_BadConfiguration_FailsNamingTheKey(string option, string value, string expected)
    {
        var run = CliRun.Of("quadratics", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Quadratics_DroppedMessagesWithTimeout_StillConvergesForRelaySgd()
    {
        var run = CliRun.Of("quadratics", "--workers", "6", "--steps", "600", "--format", "json", "--learning-rate", "0.5", "--fill", "own-previous",
            "--set", "relay-actors.network.drop-probability=0.05", "--set", "relay-actors.network.round-timeout=10ms", "--latency", "1ms");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(run.OutputLines[^1]);
        Assert.False(summary.RootElement.GetProperty("diverged").GetBoolean());
        Assert.True(summary.RootElement.GetProperty("final_error").GetDouble() < 1e-3);
    }

    [Fact]
    public void Quadratics_Table_ShowsProblemAndSummary()
    {
        var run = CliRun.Of("quadratics", "--workers", "6", "--steps", "400", "--learning-rate", "0.8");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("random quadratics: n = 6, d = 10", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("reached the target after", run.Output, StringComparison.Ordinal);
    }
}
