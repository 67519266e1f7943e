using RelayActors.Actors.Network;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>F1 on random trees: ball counts, counts never above n, and the exact mean after diam(T) rounds.</summary>
public sealed class RandomTreeAveragingTests
{
    public static TheoryData<int, int> PruferTrees => new()
    {
        { 3, 1 },
        { 17, 2 },
        { 64, 3 },
        { 100, 4 },
        { 256, 5 },
    };

    [Theory]
    [MemberData(nameof(PruferTrees))]
    public void RelaySum_RandomPruferTree_CountIsBallSizeAndNeverAboveN(int n, int seed)
    {
        var (tree, values, run) = RunOnPruferTree(n, seed);

        for (var i = 0; i < n; i++)
        {
            var distances = tree.HopDistances(i);
            for (var t = 0; t < run.Steps; t++)
            {
                var ball = Enumerable.Range(0, n).Where(k => distances[k] <= t + 1).ToList();
                Assert.Equal(ball.Count, run.Counts[t][i]);
                Assert.Equal(ball.Sum(k => values[k]) / ball.Count, run.Models[t][i][0]);
            }
        }
        Assert.All(run.Counts, round => Assert.All(round, c => Assert.InRange(c, 1, n)));
    }

    [Theory]
    [MemberData(nameof(PruferTrees))]
    public void RelaySum_RandomPruferTree_ExactMeanAfterDiameterRoundsAndNotBefore(int n, int seed)
    {
        var (tree, values, run) = RunOnPruferTree(n, seed);

        AssertExactMeanFromDiameterOn(tree, values, run);
    }

    [Theory]
    [InlineData(64, 0.08, 11)]
    [InlineData(128, 0.05, 12)]
    [InlineData(256, 0.03, 13)]
    public void RelaySum_BreadthFirstTreeOfRandomGraph_ExactMeanAfterDiameterRounds(int n, double probability, int seed)
    {
        var graph = RandomGraphs.ErdosRenyi(n, probability, seed);
        var tree = SpanningTrees.BreadthFirst(graph, seed % n);
        var values = RelaySumNodes.IntegerValues(n, seed);

        var run = ModelRecorder.FromLockstep(RelaySumNodes.Create(tree, values), tree.Diameter + 1);

        AssertExactMeanFromDiameterOn(tree, values, run);
    }

    [Fact]
    public void RelaySum_RandomTreeOf64OnActorsWithJitter_MatchesLockstepAndIsExactAfterDiameterRounds()
    {
        var tree = RandomTrees.Prufer(64, 21);
        var values = RelaySumNodes.IntegerValues(64, 21);
        var network = new NetworkSettings { Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)) with { Jitter = TimeSpan.FromMilliseconds(2) } };

        var expected = ModelRecorder.FromLockstep(RelaySumNodes.Create(tree, values), tree.Diameter + 1);
        var actual = ModelRecorder.FromActors(RelaySumNodes.Create(tree, values), tree.Diameter + 1, network, seed: 21);

        expected.AssertIdentical(actual);
        AssertExactMeanFromDiameterOn(tree, values, actual);
    }

    /// <summary>diam(T) + 1 rounds of RelaySum with seeded integer values on a random Prüfer tree.</summary>
    private static (Graph Tree, double[] Values, ModelRecorder Run) RunOnPruferTree(int n, int seed)
    {
        var tree = RandomTrees.Prufer(n, seed);
        var values = RelaySumNodes.IntegerValues(n, seed);
        return (tree, values, ModelRecorder.FromLockstep(RelaySumNodes.Create(tree, values), tree.Diameter + 1));
    }

    private static void AssertExactMeanFromDiameterOn(Graph tree, double[] values, ModelRecorder run)
    {
        var n = values.Length;
        var mean = values.Sum() / n;
        for (var t = tree.Diameter - 1; t < run.Steps; t++)
        {
            Assert.All(run.Counts[t], c => Assert.Equal(n, c));
            Assert.All(run.Models[t], m => Assert.Equal(mean, m[0]));
        }
        if (tree.Diameter >= 2)
            Assert.Contains(run.Counts[tree.Diameter - 2], c => c < n);
        Assert.All(run.Counts, round => Assert.All(round, c => Assert.InRange(c, 1, n)));
    }
}
