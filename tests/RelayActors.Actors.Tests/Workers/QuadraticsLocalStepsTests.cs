using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>The quadratics run with local steps: budgets and reported steps are gradient steps, messages one round per H of them.</summary>
public sealed class QuadraticsLocalStepsTests
{
    private static readonly RandomQuadratics Problem = RandomQuadratics.Create(new QuadraticsSettings(Workers: 4, Dimension: 3, Zeta2: 1, Mu: 0.5, R0: 10, Seed: 5));
    private static readonly NetworkSettings OneMillisecond = new() { Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)) };

    private static QuadraticsRunSettings Settings(Algorithm algorithm, int localSteps, long steps = 30) =>
        new() { Algorithm = algorithm, LearningRate = 0.2, Steps = steps, LocalSteps = localSteps, StopAtTarget = false, Trace = true };

    [Theory]
    [InlineData(1, 30 * 6)]
    [InlineData(3, 10 * 6)]
    public void Execute_GossipOnChainOfFour_SendsOneRoundOfMessagesPerLocalSteps(int localSteps, long messages)
    {
        // The chain of 4 has 3 edges: 6 messages a round.
        var result = QuadraticsRun.Execute(Problem, RelayTopology.Create(TopologyKind.Chain, 4), Settings(Algorithm.Gossip, localSteps), OneMillisecond);

        Assert.Equal(messages, result.MessagesSent);
        Assert.Equal(30, result.StepsRun);
    }

    [Fact]
    public void ExecuteLockstep_ThreeLocalSteps_TracesTheLastGradientStepOfEveryRound()
    {
        var result = QuadraticsRun.ExecuteLockstep(Problem, RelayTopology.Create(TopologyKind.Chain, 4), Settings(Algorithm.RelaySgd, 3, steps: 10));

        // 10 gradient steps round up to 4 rounds of 3.
        Assert.Equal([2L, 5L, 8L, 11L], result.Trace.Select(s => s.Step));
        Assert.Equal(12, result.StepsRun);
    }

    [Theory]
    [InlineData(Algorithm.RelaySgd, TopologyKind.Chain)]
    [InlineData(Algorithm.RelaySgdGrad, TopologyKind.BinaryTree)]
    [InlineData(Algorithm.AllReduce, TopologyKind.FullyConnected)]
    [InlineData(Algorithm.Gossip, TopologyKind.Ring)]
    [InlineData(Algorithm.D2, TopologyKind.Ring)]
    [InlineData(Algorithm.GradientTracking, TopologyKind.Ring)]
    [InlineData(Algorithm.QuasiGlobalMomentum, TopologyKind.Ring)]
    [InlineData(Algorithm.Sgp, TopologyKind.Exponential)]
    public void Execute_ThreeLocalStepsOnActors_GivesTheLockstepTrace(Algorithm algorithm, TopologyKind kind)
    {
        var topology = RelayTopology.Create(kind, 4);
        var settings = Settings(algorithm, 3);

        var expected = QuadraticsRun.ExecuteLockstep(Problem, topology, settings);
        var actual = QuadraticsRun.Execute(Problem, topology, settings, OneMillisecond);

        Assert.Equal(expected.Trace, actual.Trace);
        Assert.Equal(10, actual.Trace.Count);
    }
}
