using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>C7: after warm-up a node's step (begin, compose, accept, complete) allocates nothing.</summary>
public sealed class NodeAllocationTests
{
    private const int Workers = 8;
    private const int Dimension = 10;

    [Theory]
    [InlineData(Algorithm.RelaySgd, TopologyKind.BinaryTree, RelayFill.InitialModel)]
    [InlineData(Algorithm.RelaySgd, TopologyKind.Chain, RelayFill.OwnPrevious)]
    [InlineData(Algorithm.RelaySgd, TopologyKind.DoubleBinaryTrees, RelayFill.InitialModel)]
    [InlineData(Algorithm.RelaySgd, TopologyKind.DoubleBinaryTrees, RelayFill.Zero)]
    [InlineData(Algorithm.RelaySgdGrad, TopologyKind.BinaryTree, RelayFill.InitialModel)]
    [InlineData(Algorithm.RelaySgdGrad, TopologyKind.DoubleBinaryTrees, RelayFill.InitialModel)]
    [InlineData(Algorithm.D2, TopologyKind.Ring, RelayFill.InitialModel)]
    [InlineData(Algorithm.GradientTracking, TopologyKind.Ring, RelayFill.InitialModel)]
    [InlineData(Algorithm.Gossip, TopologyKind.Ring, RelayFill.InitialModel)]
    [InlineData(Algorithm.QuasiGlobalMomentum, TopologyKind.Ring, RelayFill.InitialModel)]
    [InlineData(Algorithm.AllReduce, TopologyKind.FullyConnected, RelayFill.InitialModel)]
    [InlineData(Algorithm.ChocoSgd, TopologyKind.Ring, RelayFill.InitialModel)]
    public void Step_AfterWarmUp_AllocatesNothing(Algorithm algorithm, TopologyKind kind, RelayFill fill)
    {
        var topology = RelayTopology.Create(kind, Workers);
        var nodes = AlgorithmNodes.Create(algorithm, topology, i => LocalStep<double>.Sgd(new SeparableQuadratic(Target(i)), 0.1), new double[Dimension], fill);
        var rounds = new PreallocatedRounds(nodes);
        rounds.RunSteps(3);

        Assert.Equal(0, rounds.AllocatedBytesOver(20));
    }

    private static double[] Target(int worker) => Enumerable.Range(0, Dimension).Select(c => (double)(worker * c)).ToArray();
}
