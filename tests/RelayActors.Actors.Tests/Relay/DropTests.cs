using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>Spec §1.6 on the pure nodes, with <see cref="Lockstep.DropDecision"/> choosing the lost messages.</summary>
public sealed class DropTests
{
    [Fact]
    public void RelaySum_DroppedMessage_LeavesSumAndCountAndIsNotRelayedNextRound()
    {
        // Chain 0-1-2-3, v = [1, 2, 4, 8]; 1→2 is lost in round 0. Round 0: worker 2 sums 4 + 8 (C = 2). Round 1: 2→3
        // relays only 4 (not 4 + 2), so worker 3 holds 8 + 4 with C = 2 instead of 14 with C = 3. Round 2: everyone is
        // whole again (S = 15, C = 4) because 1→2 of round 1 carried 2 + 1 and is relayed to 3 in round 2.
        var nodes = RelaySumNodes.Create(Topologies.Chain(4), [1.0, 2.0, 4.0, 8.0]);

        var run = ModelRecorder.FromLockstep(nodes, 3, (step, from, to) => step == 0 && (from, to) == (1, 2));

        Assert.Equal([2, 3, 2, 2], run.Counts[0]);
        Assert.Equal([3 / 2.0, 7 / 3.0, 12 / 2.0, 12 / 2.0], run.Coordinate(0));
        Assert.Equal([3, 4, 4, 2], run.Counts[1]);
        Assert.Equal([7 / 3.0, 15 / 4.0, 15 / 4.0, 12 / 2.0], run.Coordinate(1));
        Assert.Equal([4, 4, 4, 4], run.Counts[2]);
        Assert.Equal([15 / 4.0, 15 / 4.0, 15 / 4.0, 15 / 4.0], run.Coordinate(2));
    }

    [Theory]
    [InlineData(RelayFill.InitialModel, 11.0)]
    [InlineData(RelayFill.OwnPrevious, 11.5)]
    [InlineData(RelayFill.Zero, 6.0)]
    public void RelaySgd_DroppedMessage_FillsMissingWorkerAsFillModeSays(RelayFill fill, double expected)
    {
        // Chain of 2, x⁰ = 10, g = −1 every step, η = 1: step 0 averages 11 and 11. In step 1 both half-steps are 12
        // and 1→0 is lost, so worker 0 has C = 1 and averages (12 + r)/2 with r = x⁰ = 10, its own previous model 11, or 0.
        var nodes = AlgorithmNodes.Create(Algorithm.RelaySgd, RelayTopology.Of(Topologies.Chain(2)), _ => LocalStep<double>.Sgd(ScriptedObjective.Constant(-1), 1.0), [10.0], fill);

        var run = ModelRecorder.FromLockstep(nodes, 2, (step, from, to) => step == 1 && (from, to) == (1, 0));

        Assert.Equal([11.0, 11.0], run.Coordinate(0));
        Assert.Equal([expected, 12.0], run.Coordinate(1));
        Assert.Equal([1, 2], run.Counts[1]);
    }

    [Theory]
    [InlineData(new[] { 0 }, 7.5)]
    [InlineData(new[] { 2 }, 4.5)]
    [InlineData(new[] { 0, 2 }, 6.0)]
    public void Gossip_DroppedMessages_RenormaliseOverDeliveredWeight(int[] lostSenders, double expected)
    {
        // Chain 0-1-2 with MH weights (worker 1: 1/3 each), half-steps [3, 6, 9]. Worker 1 mixes only what arrived and
        // divides by the weight that arrived: without 0 → (6 + 9)/3 / (2/3) = 7.5; without both → its own 6.
        var nodes = Trajectory.Nodes(Algorithm.Gossip, RelayTopology.Of(Topologies.Chain(3)), i => ScriptedObjective.Impulse(-3 * (i + 1)), 1.0);

        var run = ModelRecorder.FromLockstep(nodes, 1, (_, from, to) => to == 1 && lostSenders.Contains(from));

        Trajectory.AssertClose([4.0, expected, 8.0], run.Coordinate(0), 1e-12);
    }
}
