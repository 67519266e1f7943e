using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>F5: RelaySGD/Grad applies an update exactly once at every worker, d(i, s) − 1 steps after it was made.</summary>
public sealed class ImpulseDeliveryTests
{
    [Theory]
    [InlineData(TopologyKind.BinaryTree, 16, 0)]
    [InlineData(TopologyKind.BinaryTree, 16, 1)]
    [InlineData(TopologyKind.BinaryTree, 16, 5)]
    [InlineData(TopologyKind.BinaryTree, 16, 15)]
    [InlineData(TopologyKind.Chain, 9, 0)]
    [InlineData(TopologyKind.Chain, 9, 4)]
    [InlineData(TopologyKind.Chain, 9, 7)]
    public void RelaySgdGrad_ImpulseAtSource_WorkerHoldsFinalValueFromStepDistanceMinusOne(TopologyKind kind, int n, int source)
    {
        // η = 1 and g_s = −n at step 0: u_s = n, so every worker ends at exactly u_s / n = 1 and is 0 before.
        var tree = Topologies.Create(kind, n);
        var distances = tree.HopDistances(source);
        var steps = tree.Diameter + 3;

        var models = Trajectory.Run(Algorithm.RelaySgdGrad, tree, i => ScriptedObjective.Impulse(i == source ? -n : 0), 1.0, steps);

        for (var i = 0; i < n; i++)
        {
            var arrival = Math.Max(distances[i] - 1, 0);
            for (var t = 0; t < steps; t++)
                Assert.True(models[t][i] == (t >= arrival ? 1.0 : 0.0), $"worker {i} (distance {distances[i]}) holds {models[t][i]} after step {t}");
        }
    }
}
