using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>Spec §7 examples 2–4 on the pure nodes (lock-step, no actors).</summary>
public sealed class WorkedExamplesTests
{
    private const double Tolerance = 5e-5;

    [Fact]
    public void Example2_RelaySgdChain5Impulse_MatchesFirstStepsAndConvergesToOneOverKappa()
    {
        var models = Trajectory.Run(Algorithm.RelaySgd, Topologies.Chain(5), _ => ScriptedObjective.Impulse(-1), 1.0, 200);

        Trajectory.AssertClose([0.4, 0.6, 0.6, 0.6, 0.4], models[0], Tolerance);
        Trajectory.AssertClose([0.4, 0.52, 0.76, 0.52, 0.4], models[1], Tolerance);
        Trajectory.AssertClose([0.504, 0.656, 0.52, 0.656, 0.504], models[2], Tolerance);
        Trajectory.AssertClose(Enumerable.Repeat(1 / 1.8, 5).ToArray(), models[^1], 1e-6);
    }

    [Theory]
    [InlineData("chain", 16, 0.186047)]
    [InlineData("binary-tree", 16, 0.3012)]
    [InlineData("star", 16, 0.5494)]
    public void Example2_RelaySgdImpulse_ConvergesToSpecLimit(string topology, int n, double limit)
    {
        var graph = Topologies.Create(TopologyKindNames.Parse(topology), n);

        var models = Trajectory.Run(Algorithm.RelaySgd, graph, _ => ScriptedObjective.Impulse(-1), 1.0, 400);

        Trajectory.AssertClose(Enumerable.Repeat(limit, n).ToArray(), models[^1], 1e-4);
    }

    [Theory]
    [InlineData("chain", 16, 0.18605)]
    [InlineData("binary-tree", 16, 0.30118)]
    public void Example2_RelaySgdConstantGradient_MeanGrowsAtOneOverKappaPerStep(string topology, int n, double perStep)
    {
        var graph = Topologies.Create(TopologyKindNames.Parse(topology), n);

        var models = Trajectory.Run(Algorithm.RelaySgd, graph, _ => ScriptedObjective.Constant(-1), 1.0, 300);

        Assert.Equal(perStep, models[^1].Average() - models[^2].Average(), 5);
    }

    [Fact]
    public void Example2_RelaySgdGradConstantGradient_MeanGrowsExactlyOnePerStep()
    {
        var models = Trajectory.Run(Algorithm.RelaySgdGrad, Topologies.Chain(16), _ => ScriptedObjective.Constant(-1), 1.0, 60);

        Assert.Equal(1.0, models[^1].Average() - models[^2].Average(), 12);
    }

    [Fact]
    public void Example3_RelaySgdGradDelivery_IsExactAfterTwoSteps()
    {
        var models = Trajectory.Run(Algorithm.RelaySgdGrad, Topologies.Chain(6), i => ScriptedObjective.Impulse(i == 2 ? -6 : 0), 1.0, 6);

        Trajectory.AssertClose([0, 1, 1, 1, 0, 0], models[0], 1e-12);
        Trajectory.AssertClose([1, 1, 1, 1, 1, 0], models[1], 1e-12);
        for (var t = 2; t < models.Length; t++)
            Trajectory.AssertClose([1, 1, 1, 1, 1, 1], models[t], 1e-12);
    }

    [Fact]
    public void Example3_RelaySgdModelDelivery_MatchesSpecTrajectory()
    {
        var models = Trajectory.Run(Algorithm.RelaySgd, Topologies.Chain(6), i => ScriptedObjective.Impulse(i == 2 ? -6 : 0), 1.0, 3);

        Trajectory.AssertClose([0, 1, 1, 1, 0, 0], models[0], Tolerance);
        Trajectory.AssertClose([1.1667, 0.3333, 0.5, 0.3333, 1.1667, 0], models[1], Tolerance);
        Trajectory.AssertClose([0.4167, 0.5, 0.1944, 0.5, 0.4167, 1.3611], models[2], Tolerance);
    }

    [Fact]
    public void Example3_GossipDelivery_MatchesSpecTrajectory()
    {
        var models = Trajectory.Run(Algorithm.Gossip, Topologies.Chain(6), i => ScriptedObjective.Impulse(i == 2 ? -6 : 0), 1.0, 3);

        Trajectory.AssertClose([0, 2, 2, 2, 0, 0], models[0], Tolerance);
        Trajectory.AssertClose([0.6667, 1.3333, 2, 1.3333, 0.6667, 0], models[1], Tolerance);
        Trajectory.AssertClose([0.8889, 1.3333, 1.5556, 1.3333, 0.6667, 0.2222], models[2], Tolerance);
    }

    [Fact]
    public void Example4_RelaySgdChain_FirstStepsMatchSpec()
    {
        var models = Trajectory.Run(Algorithm.RelaySgd, Topologies.Chain(5), Example4, 0.5, 3);

        Trajectory.AssertClose([0, 0, 0, 1, 1], models[0], Tolerance);
        Trajectory.AssertClose([0, 0, 1.1, 1.2, 1.2], models[1], Tolerance);
        Trajectory.AssertClose([0, 1.21, 1.33, 1.35, 1.24], models[2], 5e-3);
    }

    [Theory]
    [InlineData(Algorithm.RelaySgd, "chain", new[] { 2.0, 2.0, 2.0, 2.0, 2.0 })]
    [InlineData(Algorithm.D2, "ring", new[] { 2.0, 2.0, 2.0, 2.0, 2.0 })]
    [InlineData(Algorithm.RelaySgdGrad, "chain", new[] { 1.0510, 1.2846, 1.8036, 2.7234, 3.1374 })]
    [InlineData(Algorithm.Gossip, "ring", new[] { 2.7586, 0.6897, 0.6897, 2.7586, 3.1034 })]
    [InlineData(Algorithm.Gossip, "chain", new[] { 0.0363, 0.1452, 0.6897, 3.3031, 5.8258 })]
    public void Example4_After300Steps_MatchesSpec(Algorithm algorithm, string topology, double[] expected)
    {
        var graph = Topologies.Create(TopologyKindNames.Parse(topology), 5);

        var models = Trajectory.Run(algorithm, graph, Example4, 0.5, 300);

        Trajectory.AssertClose(expected, models[^1], Tolerance);
    }

    [Theory]
    [InlineData(Algorithm.GradientTracking, "ring")]
    [InlineData(Algorithm.AllReduce, "fully-connected")]
    public void Example4_ExactConsensusAlgorithms_ReachTheOptimum(Algorithm algorithm, string topology)
    {
        var graph = Topologies.Create(TopologyKindNames.Parse(topology), 5);

        var models = Trajectory.Run(algorithm, graph, Example4, 0.5, 300);

        Trajectory.AssertClose([2, 2, 2, 2, 2], models[^1], 1e-9);
    }

    private static ScriptedObjective Example4(int worker) => ScriptedObjective.Quadratic(worker == 4 ? 10 : 0);
}
