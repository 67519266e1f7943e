using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>
/// RelaySGD (own-previous fill, as in the paper's unreliable-network runs) through the worker actors on a binary tree
/// of 16 whose links lose 10 % of the messages; the round timeout lets workers give up on the lost ones.
/// </summary>
public sealed class DroppingNetworkTests
{
    private const int Workers = 16;
    private const int Steps = 200;
    private static readonly Graph Tree = Topologies.BinaryTree(Workers);

    [Fact]
    public void Run_WithDropsAndRoundTimeout_FinishesEveryStepAndCountsTimedOutMessages()
    {
        var run = Run(Lossy(networkSeed: 0));

        // Every worker sends to and expects from each tree neighbour once per step, so messages sent = messages expected.
        // Each expected message is accepted or timed out; each sent one is dropped by its link, accepted, or arrives
        // late and is ignored (or after the receiver's last report). Hence timed out ≥ dropped + ignored.
        var sent = run.Total(c => c.MessagesSent);
        var dropped = run.Total(c => c.MessagesDroppedByLinks);
        var timedOut = run.Total(c => c.MessagesTimedOut);
        var ignored = run.Total(c => c.MessagesIgnored);
        Assert.True(run.IsFinished);
        Assert.Equal(Steps * 2L * Tree.Edges.Count, sent);
        Assert.InRange(dropped, sent / 20, sent / 5);
        Assert.True(timedOut >= dropped + ignored, $"timed out {timedOut}, dropped {dropped}, ignored {ignored}");
        Assert.All(run.Models[^1], m => Assert.True(double.IsFinite(m[0])));
    }

    [Fact]
    public void Run_SameSeedsTwice_IsBitIdentical()
    {
        var first = Run(Lossy(networkSeed: 3));
        var second = Run(Lossy(networkSeed: 3));

        first.AssertIdentical(second);
        Assert.Equal(first.Counters, second.Counters);
    }

    [Fact]
    public void Run_DifferentNetworkSeeds_LoseDifferentMessagesAndEndElsewhere()
    {
        var first = Run(Lossy(networkSeed: 3));
        var second = Run(Lossy(networkSeed: 4));

        Assert.NotEqual(first.Counters, second.Counters);
        Assert.False(first.Models[^1].Zip(second.Models[^1]).All(p => p.First[0] == p.Second[0]), "different drops gave the same final models");
    }

    private static NetworkSettings Lossy(int networkSeed) => new()
    {
        Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)) with { DropProbability = 0.1 },
        RoundTimeout = TimeSpan.FromMilliseconds(5),
        Seed = networkSeed,
    };

    /// <summary>Example-4-style objectives on the tree: f_i = (x − b_i)²/2 with b = 16 at the last worker, 0 elsewhere; η = 0.5.</summary>
    private static ModelRecorder Run(NetworkSettings network)
    {
        var nodes = Trajectory.Nodes(Algorithm.RelaySgd, RelayTopology.Of(Tree), i => ScriptedObjective.Quadratic(i == Workers - 1 ? 16 : 0), 0.5, RelayFill.OwnPrevious);
        return ModelRecorder.FromActors(nodes, Steps, network, seed: 1);
    }
}
