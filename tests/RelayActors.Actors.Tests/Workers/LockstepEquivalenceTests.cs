using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Models.Optim;
using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>
/// The worker actors on the virtual clock, with link latency (and jitter), compute exactly what the lock-step oracle
/// computes: same doubles for every worker after every step.
/// </summary>
public sealed class LockstepEquivalenceTests
{
    private const int Steps = 300;
    private static readonly LinkModel OneMillisecond = LinkModel.Constant(TimeSpan.FromMilliseconds(1));

    /// <summary>Every algorithm on a topology it runs on: relays on trees, gossip family on a ring, all-reduce fully connected, SGP on its exponential graph.</summary>
    public static TheoryData<Algorithm, TopologyKind> Algorithms => new()
    {
        { Algorithm.RelaySgd, TopologyKind.Chain },
        { Algorithm.RelaySgd, TopologyKind.BinaryTree },
        { Algorithm.RelaySgdGrad, TopologyKind.Chain },
        { Algorithm.RelaySgdGrad, TopologyKind.BinaryTree },
        { Algorithm.AllReduce, TopologyKind.FullyConnected },
        { Algorithm.Gossip, TopologyKind.Ring },
        { Algorithm.D2, TopologyKind.Ring },
        { Algorithm.GradientTracking, TopologyKind.Ring },
        { Algorithm.QuasiGlobalMomentum, TopologyKind.Ring },
        { Algorithm.Sgp, TopologyKind.Exponential },
        { Algorithm.ChocoSgd, TopologyKind.Ring },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Example3Delivery_OnActorsWithOneMsLatency_MatchesLockstepBitForBit(Algorithm algorithm, TopologyKind kind) =>
        AssertActorsMatchLockstep(() => Example3(algorithm, RelayTopology.Create(kind, 6)), new NetworkSettings { Link = OneMillisecond });

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Example4Quadratics_OnActorsWithOneMsLatency_MatchesLockstepBitForBit(Algorithm algorithm, TopologyKind kind) =>
        AssertActorsMatchLockstep(() => Example4(algorithm, RelayTopology.Create(kind, 5)), new NetworkSettings { Link = OneMillisecond });

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Example4Quadratics_OnActorsWithSeededJitter_MatchesLockstepBitForBit(Algorithm algorithm, TopologyKind kind)
    {
        // Jitter up to 3× the latency reorders arrivals across links and lets workers run steps ahead of each other.
        var network = new NetworkSettings { Link = OneMillisecond with { Jitter = TimeSpan.FromMilliseconds(3) } };

        AssertActorsMatchLockstep(() => Example4(algorithm, RelayTopology.Create(kind, 5)), network, seed: 7);
    }

    [Theory]
    [InlineData(Algorithm.QuasiGlobalMomentum, TopologyKind.Ring, 1)]
    [InlineData(Algorithm.QuasiGlobalMomentum, TopologyKind.Ring, 3)]
    [InlineData(Algorithm.Sgp, TopologyKind.Exponential, 3)]
    [InlineData(Algorithm.RelaySgdGrad, TopologyKind.Chain, 3)]
    [InlineData(Algorithm.D2, TopologyKind.Ring, 3)]
    public void NesterovWithLocalSteps_OnActorsWithSeededJitter_MatchesLockstepBitForBit(Algorithm algorithm, TopologyKind kind, int localSteps)
    {
        var network = new NetworkSettings { Link = OneMillisecond with { Jitter = TimeSpan.FromMilliseconds(3) } };
        IWorkerNode<double>[] Nodes() => AlgorithmNodes.Create(algorithm, RelayTopology.Create(kind, 5),
            i => new LocalStep<double>(ScriptedObjective.Quadratic(i == 4 ? 10 : 0), new SgdOptimizer<double>(1, 0.5, true, 0), LearningRateSchedule.Constant(0.2), localSteps), [0.0]);

        AssertActorsMatchLockstep(Nodes, network, seed: 3);
    }

    [Theory]
    [InlineData(Algorithm.RelaySgd, TopologyKind.Chain)]
    [InlineData(Algorithm.RelaySgdGrad, TopologyKind.BinaryTree)]
    [InlineData(Algorithm.D2, TopologyKind.Ring)]
    [InlineData(Algorithm.GradientTracking, TopologyKind.Ring)]
    [InlineData(Algorithm.AllReduce, TopologyKind.FullyConnected)]
    [InlineData(Algorithm.QuasiGlobalMomentum, TopologyKind.Ring)]
    [InlineData(Algorithm.Sgp, TopologyKind.Exponential)]
    [InlineData(Algorithm.ChocoSgd, TopologyKind.Ring)]
    public void QuadraticsExecute_OnActorsWithOneMsLatency_GivesLockstepTraceAndFinalError(Algorithm algorithm, TopologyKind kind)
    {
        var problem = RandomQuadratics.Create(new QuadraticsSettings(Workers: 8, Dimension: 5, Zeta2: 1, Mu: 0.5, R0: 10, Seed: 3));
        var topology = RelayTopology.Create(kind, 8);
        var settings = new QuadraticsRunSettings { Algorithm = algorithm, LearningRate = 0.3, Steps = 150, StopAtTarget = false, Trace = true };

        var expected = QuadraticsRun.ExecuteLockstep(problem, topology, settings);
        var actual = QuadraticsRun.Execute(problem, topology, settings, new NetworkSettings { Link = OneMillisecond });

        Assert.Equal(expected.Trace, actual.Trace);
        Assert.Equal(expected.FinalError, actual.FinalError);
        Assert.Equal(expected.FinalConsensusDistance, actual.FinalConsensusDistance);
        Assert.Equal(150, actual.StepsRun);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Example4Quadratics_WithPayloadPool_MatchesLockstepBitForBitAndReusesArrays(Algorithm algorithm, TopologyKind kind)
    {
        // Reused arrays hold old payloads: a worker that read a payload after handing it back, or a Compose that relied
        // on a zeroed array, would show up as a different bit somewhere in 300 steps.
        var network = new NetworkSettings { Link = OneMillisecond with { Jitter = TimeSpan.FromMilliseconds(3) } };
        var payloads = new PayloadPool<double>();
        var expected = ModelRecorder.FromLockstep(Example4(algorithm, RelayTopology.Create(kind, 5)), Steps);

        var actual = ModelRecorder.FromActors(Example4(algorithm, RelayTopology.Create(kind, 5)), Steps, network, seed: 7, payloads);

        expected.AssertIdentical(actual);
        Assert.True(payloads.Reused > 10 * payloads.Allocated, $"{payloads.Reused} reuses for {payloads.Allocated} allocations");
    }

    /// <summary>Runs fresh nodes (objectives keep state) once on Lockstep and once on the actors.</summary>
    private static void AssertActorsMatchLockstep(Func<IWorkerNode<double>[]> nodes, NetworkSettings network, int seed = 0)
    {
        var expected = ModelRecorder.FromLockstep(nodes(), Steps);

        var actual = ModelRecorder.FromActors(nodes(), Steps, network, seed);

        expected.AssertIdentical(actual);
    }

    /// <summary>Spec Example 3: worker 2 gets g = −6 at step 0 only; η = 1.</summary>
    private static IWorkerNode<double>[] Example3(Algorithm algorithm, RelayTopology topology) =>
        Trajectory.Nodes(algorithm, topology, i => ScriptedObjective.Impulse(i == 2 ? -6 : 0), 1.0);

    /// <summary>Spec Example 4: f_i = (x − b_i)²/2, b = [0, 0, 0, 0, 10]; η = 0.5.</summary>
    private static IWorkerNode<double>[] Example4(Algorithm algorithm, RelayTopology topology) =>
        Trajectory.Nodes(algorithm, topology, i => ScriptedObjective.Quadratic(i == 4 ? 10 : 0), 0.5);
}
