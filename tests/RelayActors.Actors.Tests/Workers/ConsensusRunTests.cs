using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Actors.Tests.Workers;

public sealed class ConsensusRunTests : ActorTestKit
{
    private static readonly LinkModel OneMillisecond = LinkModel.Constant(TimeSpan.FromMilliseconds(1));

    [Fact]
    public void Example1_OnActorsWithOneMsLatency_MatchesLockstepBitForBit()
    {
        var run = new ConsensusRun(Topologies.Chain(5), LockstepConsensusTests.Example1Values, ConsensusAlgorithm.RelaySum, 4, OneMillisecond);
        var expected = LockstepConsensus.Run(ConsensusAlgorithm.RelaySum, Topologies.Chain(5), LockstepConsensusTests.Example1Values, 4);

        var result = RunToIdle(run);

        AssertSameRounds(expected, result.Rounds);
        Assert.Equal([5, 5, 5, 5, 5], result.Rounds[3].Counts);
        Assert.Equal(4, result.RoundsUntilExactMean);
        Assert.Equal(0.0, result.FinalMaxAbsError);
    }

    [Fact]
    public void Example1_OnActorsWithOneMsLatency_FinishesAtRoundsTimesLatency()
    {
        // Round t's messages leave at t·1 ms and arrive at (t+1)·1 ms, when round t completes: 4 rounds end at 4 ms.
        var run = new ConsensusRun(Topologies.Chain(5), LockstepConsensusTests.Example1Values, ConsensusAlgorithm.RelaySum, 4, OneMillisecond);

        var result = RunToIdle(run);

        Assert.Equal(TimeSpan.FromMilliseconds(4), result.Elapsed);
        Assert.Equal(TimeSpan.FromMilliseconds(4), Scheduler.Now);
        Assert.Equal(2 * 4 * 4, result.MessagesSent); // 2 messages per edge per round
        Assert.Equal(0, result.MessagesIgnored);
    }

    [Fact]
    public void Example1Gossip_OnActors_MatchesLockstepAndSpec()
    {
        var run = new ConsensusRun(Topologies.Chain(5), LockstepConsensusTests.Example1Values, ConsensusAlgorithm.Gossip, 5, OneMillisecond);
        var expected = LockstepConsensus.Run(ConsensusAlgorithm.Gossip, Topologies.Chain(5), LockstepConsensusTests.Example1Values, 5);

        var result = RunToIdle(run);

        AssertSameRounds(expected, result.Rounds);
        double[] afterFive = [1.9753, 1.5432, 0.9259, 0.4115, 0.1440];
        for (var i = 0; i < 5; i++)
            Assert.Equal(afterFive[i], result.Rounds[4].Estimates[i][0], 1e-4);
        Assert.Null(result.RoundsUntilExactMean);
    }

    [Theory]
    [InlineData(TopologyKind.BinaryTree, 16)]
    [InlineData(TopologyKind.Star, 9)]
    [InlineData(TopologyKind.Chain, 16)]
    public void RelaySum_AfterDiameterRounds_EveryWorkerHoldsExactMean(TopologyKind kind, int n)
    {
        var graph = Topologies.Create(kind, n);
        var run = new ConsensusRun(graph, ConsensusInputs.Create(InitialValues.Index, n, 0), ConsensusAlgorithm.RelaySum, graph.Diameter + 2, OneMillisecond);

        var result = RunToIdle(run);

        Assert.Equal(graph.Diameter, result.RoundsUntilExactMean);
        Assert.Equal(0.0, result.Rounds[graph.Diameter - 1].MaxAbsError);
    }

    [Fact]
    public void RandomValues_SameSeedTwice_GiveBitIdenticalRuns()
    {
        var first = Execute(seed: 7);
        var second = Execute(seed: 7);
        var other = Execute(seed: 8);

        AssertSameRounds(first.Rounds, second.Rounds);
        Assert.Equal(first.ExactMean, second.ExactMean);
        Assert.Equal((first.MessagesSent, first.Elapsed), (second.MessagesSent, second.Elapsed));
        Assert.NotEqual(first.ExactMean, other.ExactMean);
    }

    [Fact]
    public void Constructor_RelaySumOnRing_ThrowsSuggestingSpanningTree()
    {
        var values = ConsensusInputs.Create(InitialValues.Index, 6, 0);
        var ex = Assert.Throws<ArgumentException>(() => new ConsensusRun(Topologies.Ring(6), values, ConsensusAlgorithm.RelaySum, 3, OneMillisecond));
        Assert.Contains("spanning tree", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Twice_Throws()
    {
        var run = new ConsensusRun(Topologies.Chain(3), ConsensusInputs.Create(InitialValues.Index, 3, 0), ConsensusAlgorithm.Gossip, 2, OneMillisecond);
        run.Start(Sys);
        Assert.Throws<InvalidOperationException>(() => { _ = run.Start(Sys); });
    }

    private ConsensusResult RunToIdle(ConsensusRun run)
    {
        var task = run.Start(Sys);
        Scheduler.RunUntilIdle();
        Assert.True(task.IsCompletedSuccessfully, "the run went idle before completing");
        return task.Result;
    }

    private static ConsensusResult Execute(int seed)
    {
        var graph = Topologies.BinaryTree(16);
        var run = new ConsensusRun(graph, ConsensusInputs.Create(InitialValues.Random, 16, seed), ConsensusAlgorithm.RelaySum, 8, OneMillisecond);
        return run.Execute(ClockKind.Virtual, TimeSpan.FromSeconds(1));
    }

    private static void AssertSameRounds(IReadOnlyList<ConsensusRound> expected, IReadOnlyList<ConsensusRound> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var t = 0; t < expected.Count; t++)
        {
            Assert.Equal(expected[t].Round, actual[t].Round);
            Assert.Equal(expected[t].Counts, actual[t].Counts);
            Assert.Equal(expected[t].MaxAbsError, actual[t].MaxAbsError);
            for (var i = 0; i < expected[t].Estimates.Count; i++)
                Assert.True(expected[t].Estimates[i].AsSpan().SequenceEqual(actual[t].Estimates[i]), $"round {t}, worker {i}: {expected[t].Estimates[i][0]} vs {actual[t].Estimates[i][0]}");
        }
    }
}
