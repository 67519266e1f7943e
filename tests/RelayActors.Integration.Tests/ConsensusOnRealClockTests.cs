using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Integration.Tests;

/// <summary>
/// The same worker actors on the real clock: thread-pool dispatch and the timer thread instead of the virtual
/// clock. Wall-clock waits are allowed here (bounded by a safety timeout), never in unit tests.
/// </summary>
public sealed class ConsensusOnRealClockTests
{
    private static readonly LinkModel OneMillisecond = LinkModel.Constant(TimeSpan.FromMilliseconds(1));

    [Theory]
    [InlineData(ConsensusAlgorithm.RelaySum, TopologyKind.BinaryTree, 7)]
    [InlineData(ConsensusAlgorithm.RelaySum, TopologyKind.Chain, 16)]
    [InlineData(ConsensusAlgorithm.Gossip, TopologyKind.Ring, 9)]
    public void Execute_RealClock_GivesBitIdenticalRoundsToLockstepOracle(ConsensusAlgorithm algorithm, TopologyKind kind, int workers)
    {
        // Sums run in neighbour-slot order, not arrival order, so thread timing cannot change a single bit.
        var graph = Topologies.Create(kind, workers);
        var values = ConsensusInputs.Create(InitialValues.Random, workers, 3);
        var rounds = graph.Diameter + 2;
        var expected = LockstepConsensus.Run(algorithm, graph, values, rounds);

        var result = new ConsensusRun(graph, values, algorithm, rounds, OneMillisecond).Execute(ClockKind.Real, TimeSpan.FromSeconds(30));

        Assert.Equal(expected.Count, result.Rounds.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r].Counts, result.Rounds[r].Counts);
            for (var w = 0; w < workers; w++)
                Assert.Equal(expected[r].Estimates[w], result.Rounds[r].Estimates[w]);
        }
        Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(rounds), $"{rounds} rounds over 1 ms links took only {result.Elapsed}");
    }
}
