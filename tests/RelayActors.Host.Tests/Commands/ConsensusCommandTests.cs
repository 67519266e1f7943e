using System.Text.Json;

namespace RelayActors.Host.Tests.Commands;

public sealed class ConsensusCommandTests
{
    [Fact]
    public void Run_NoCommand_PrintsHelpListingConsensus()
    {
        var run = CliRun.Of();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("consensus", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_Defaults_PrintsTableEndingWithExactMeanSummary()
    {
        var run = CliRun.Of("consensus");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = run.OutputLines;
        Assert.Equal("relaysum on chain: 16 workers (diameter 15), 17 rounds, values index (exact mean 7.5), latency 1 ms, virtual clock", lines[0]);
        Assert.StartsWith("round", lines[1], StringComparison.Ordinal);
        Assert.Equal(1 + 1 + 17 + 1, lines.Length);
        Assert.Equal("summary: every worker holds the exact mean 7.5 after 15 rounds (diameter 15); 510 messages sent; virtual time 17 ms", lines[^1]);
    }

    [Fact]
    public void Consensus_JsonOnBinaryTree_EveryLineParsesWithRoundFields()
    {
        var run = CliRun.Of("consensus", "--topology", "binary-tree", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines;
        Assert.Equal(6 + 2, lines.Length); // default rounds: diameter + 2
        for (var r = 0; r < lines.Length; r++)
        {
            using var json = JsonDocument.Parse(lines[r]);
            var root = json.RootElement;
            Assert.Equal(r, root.GetProperty("round").GetInt32());
            Assert.Equal("relaysum", root.GetProperty("algorithm").GetString());
            Assert.Equal(16, root.GetProperty("estimates").GetArrayLength());
            Assert.Equal(16, root.GetProperty("counts").GetArrayLength());
            Assert.Equal(JsonValueKind.Number, root.GetProperty("max_abs_error").ValueKind);
        }
        using var first = JsonDocument.Parse(lines[0]);
        // F1, round 0: worker 0 has heard itself and worker 1; heap node 1 has degree 3.
        Assert.Equal(2, first.RootElement.GetProperty("counts")[0].GetInt32());
        Assert.Equal(4, first.RootElement.GetProperty("counts")[1].GetInt32());
        using var exact = JsonDocument.Parse(lines[5]);
        Assert.All(exact.RootElement.GetProperty("counts").EnumerateArray(), c => Assert.Equal(16, c.GetInt32()));
        Assert.All(exact.RootElement.GetProperty("estimates").EnumerateArray(), e => Assert.Equal(7.5, e.GetDouble()));
        Assert.Equal(0.0, exact.RootElement.GetProperty("max_abs_error").GetDouble());
        Assert.StartsWith("summary: every worker holds the exact mean 7.5 after 6 rounds", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_JsonGossip_HasNoCounts()
    {
        var run = CliRun.Of("consensus", "--topology", "ring", "--algorithm", "gossip", "--format", "json", "--rounds", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.OutputLines.Length);
        using var json = JsonDocument.Parse(run.OutputLines[0]);
        Assert.Equal("gossip", json.RootElement.GetProperty("algorithm").GetString());
        Assert.False(json.RootElement.TryGetProperty("counts", out _));
    }

    [Fact]
    public void Consensus_Csv_HasHeaderAndOneRowPerWorkerPerRound()
    {
        var run = CliRun.Of("consensus", "--workers", "5", "--values", "one-hot", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines;
        Assert.Equal("round,worker,estimate,count,max_abs_error", lines[0]);
        Assert.Equal(1 + (5 * 6), lines.Length);
        Assert.Equal("0,0,2.5,2,1.5", lines[1]);
    }

    [Fact]
    public void Consensus_RandomValuesSameSeedTwice_PrintsIdenticalOutput()
    {
        string[] args = ["consensus", "--topology", "star", "--values", "random", "--seed", "11", "--format", "json"];

        var first = CliRun.Of(args);
        var second = CliRun.Of(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
        Assert.NotEqual(first.Output, CliRun.Of("consensus", "--topology", "star", "--values", "random", "--seed", "12", "--format", "json").Output);
    }

    [Fact]
    public void Consensus_UnknownTopology_FailsListingValidTopologies()
    {
        var run = CliRun.Of("consensus", "--topology", "klein-bottle");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'klein-bottle'", run.Error, StringComparison.Ordinal);
        Assert.Contains("chain, ring, star, binary-tree, fully-connected, hypercube, social-network, reversed-binary-tree, ternary-tree, torus", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_HypercubeWithNonPowerOfTwoWorkers_FailsNamingTheRule()
    {
        var run = CliRun.Of("consensus", "--topology", "hypercube", "--workers", "6", "--algorithm", "gossip");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("power of two", run.Error, StringComparison.Ordinal);
        Assert.Contains("--workers 6", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_GossipOnHypercube_Runs()
    {
        var run = CliRun.Of("consensus", "--topology", "hypercube", "--workers", "8", "--algorithm", "gossip");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Consensus_RelaySumOnRing_ExitsTwoSuggestingTreeTopology()
    {
        var run = CliRun.Of("consensus", "--topology", "ring");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("relaysum needs a tree", run.Error, StringComparison.Ordinal);
        Assert.Contains("--topology with a tree (chain, star, binary-tree, reversed-binary-tree, ternary-tree)", run.Error, StringComparison.Ordinal);
        Assert.Contains("--spanning-tree bfs or --spanning-tree min-diameter", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--latency", "5")]
    [InlineData("--latency", "-1ms")]
    [InlineData("--workers", "0")]
    [InlineData("--rounds", "0")]
    [InlineData("--algorithm", "push-sum")]
    [InlineData("--values", "ones")]
    [InlineData("--clock", "wall")]
    [InlineData("--format", "xml")]
    [InlineData("--spanning-tree", "dfs")]
    [InlineData("--root", "-1")]
    public void Consensus_BadValue_FailsNamingTheOption(string option, string value)
    {
        var run = CliRun.Of("consensus", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_RingOfTwo_FailsWithMinimumSize()
    {
        var run = CliRun.Of("consensus", "--topology", "ring", "--workers", "2", "--algorithm", "gossip");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("at least 3 workers", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_UnknownFlag_Fails()
    {
        var run = CliRun.Of("consensus", "--wokers", "4");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--wokers", run.Error, StringComparison.Ordinal);
    }
}
