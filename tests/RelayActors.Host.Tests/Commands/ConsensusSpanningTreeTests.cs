namespace RelayActors.Host.Tests.Commands;

public sealed class ConsensusSpanningTreeTests
{
    [Fact]
    public void Consensus_RingWithBfsTree_ReachesExactMeanAndNamesTheTreeFirst()
    {
        var run = CliRun.Of("consensus", "--topology", "ring", "--spanning-tree", "bfs");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = run.OutputLines;
        // The bfs tree of a 16-ring from 0 is two arms of 8 and 7 hops: diameter 15.
        Assert.Equal("spanning tree: bfs from root 0 of ring (16 nodes, 16 edges): 15 edges, diameter 15", lines[0]);
        Assert.StartsWith("relaysum on ring: 16 workers (diameter 15)", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("summary: every worker holds the exact mean 7.5 after 15 rounds", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_RingWithBfsTreeFromRootFive_UsesThatRoot()
    {
        var run = CliRun.Of("consensus", "--topology", "ring", "--workers", "8", "--spanning-tree", "bfs", "--root", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("spanning tree: bfs from root 5 of ring (8 nodes, 8 edges): 7 edges", run.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("summary: every worker holds the exact mean 3.5", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_SocialNetworkWithMinDiameterTree_ReachesExactMean()
    {
        var run = CliRun.Of("consensus", "--topology", "social-network", "--workers", "32", "--spanning-tree", "min-diameter");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.StartsWith("spanning tree: min-diameter (bfs from centre ", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("of social-network (32 nodes, 89 edges): 31 edges", run.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("summary: every worker holds the exact mean 15.5", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_TorusWithMinDiameterTreeAsJson_KeepsStdoutJsonAndNamesTheTreeOnStderr()
    {
        var run = CliRun.Of("consensus", "--topology", "torus", "--spanning-tree", "min-diameter", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", run.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("spanning tree: min-diameter", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_GossipWithSpanningTree_RunsOnWholeGraphAndSaysSo()
    {
        var run = CliRun.Of("consensus", "--topology", "ring", "--algorithm", "gossip", "--spanning-tree", "bfs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--spanning-tree bfs is ignored", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("gossip on ring: 16 workers (diameter 8)", run.OutputLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reversed-binary-tree")]
    [InlineData("ternary-tree")]
    public void Consensus_NewTreeKinds_RunRelaySumDirectly(string topology)
    {
        var run = CliRun.Of("consensus", "--topology", topology);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("summary: every worker holds the exact mean 7.5", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_BadSpanningTree_FailsListingValidValues()
    {
        var run = CliRun.Of("consensus", "--spanning-tree", "kruskal");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Invalid value 'kruskal' for --spanning-tree. Valid values: none, bfs, min-diameter.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_RootOutsideWorkers_FailsNamingTheRange()
    {
        var run = CliRun.Of("consensus", "--topology", "ring", "--workers", "8", "--spanning-tree", "bfs", "--root", "8");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("--root 8 is not a worker: with --workers 8 the root must be in 0..7.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_NegativeRoot_Fails()
    {
        var run = CliRun.Of("consensus", "--spanning-tree", "bfs", "--root", "-1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--root must be at least 0; got -1.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("min-diameter")]
    public void Consensus_RootWithoutBfs_FailsSayingRootNeedsBfs(string spanningTree)
    {
        var run = CliRun.Of("consensus", "--topology", "ring", "--spanning-tree", spanningTree, "--root", "3");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--root 3 only applies to --spanning-tree bfs; got --spanning-tree {spanningTree}.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31")]
    [InlineData("33")]
    public void Consensus_SocialNetworkOfOtherSize_FailsNamingThirtyTwo(string workers)
    {
        var run = CliRun.Of("consensus", "--topology", "social-network", "--workers", workers, "--spanning-tree", "bfs");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"A social-network needs exactly 32 workers; got --workers {workers}.", run.Error, StringComparison.Ordinal);
    }
}
