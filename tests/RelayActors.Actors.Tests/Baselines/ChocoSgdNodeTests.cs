using RelayActors.Actors.Baselines;
using RelayActors.Actors.Compression;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Baselines;

public sealed class ChocoSgdNodeTests
{
    private const int Workers = 6;
    private const int Dimension = 4;

    [Theory]
    [InlineData(TopologyKind.Ring)]
    [InlineData(TopologyKind.BinaryTree)]
    [InlineData(TopologyKind.Star)]
    public void IdentityCompressorAndStepOne_EqualsGossipSgdStepForStep(TopologyKind kind)
    {
        // With Q = id every x̂_j is x_j^{(t+1/2)}, so x + Σ_j W_ij (x̂_j − x̂_i) = Σ_j W_ij x_j^{(t+1/2)}: D-SGD,
        // up to rounding, since Choco sums differences and D-SGD weighted values.
        var topology = RelayTopology.Create(kind, Workers);
        var choco = Nodes(topology, new CompressorSettings { Kind = CompressorKind.Identity }, consensusStep: 1);
        var gossip = AlgorithmNodes.Create(Algorithm.Gossip, topology, Local, new double[Dimension]);

        for (var step = 0; step < 100; step++)
        {
            Lockstep.Run(choco, 1, firstStep: step);
            Lockstep.Run(gossip, 1, firstStep: step);
            for (var i = 0; i < Workers; i++)
                for (var c = 0; c < Dimension; c++)
                    Assert.True(Math.Abs(choco[i].Model[c] - gossip[i].Model[c]) <= 1e-12 * Math.Max(1, Math.Abs(gossip[i].Model[c])),
                        $"step {step}, worker {i}, coordinate {c}: Choco {choco[i].Model[c]}, D-SGD {gossip[i].Model[c]}");
        }
    }

    [Fact]
    public void TopOneOfTwo_TwoStepsOnAPair_MatchHandComputation()
    {
        // W = [[1/2, 1/2], [1/2, 1/2]], η = 1/2, γ = 1/2, f_i = ||x − b_i||²/2, so x^{(t+1/2)} = (x + b_i)/2.
        // Step 0: halves [2, 1/2] and [−1, 3]; q_0 = [2, 0], q_1 = [0, 3]; x_0 = [2, 1/2] + 1/4·([0, 3] − [2, 0]).
        // Step 1: halves [2.75, 1.125] and [−1.25, 4.125]; differences to x̂ [0.75, 1.125] and [−1.25, 1.125] give
        // q_0 = [0, 1.125], q_1 = [−1.25, 0]; x̂_0 = [2, 1.125], x̂_1 = [−1.25, 3].
        double[][] targets = [[4, 1], [-2, 6]];
        var nodes = AlgorithmNodes.Create(Algorithm.ChocoSgd, RelayTopology.Of(Topologies.Chain(2)),
            i => LocalStep<double>.Sgd(new SeparableQuadratic(targets[i]), 0.5), new double[2], Options(new CompressorSettings { Fraction = 0.5 }, 0.5));

        Lockstep.Run(nodes, 1);
        Assert.Equal([1.5, 1.25], nodes[0].Model.ToArray());
        Assert.Equal([-0.5, 2.25], nodes[1].Model.ToArray());

        Lockstep.Run(nodes, 1, firstStep: 1);
        Assert.Equal([1.9375, 1.59375], nodes[0].Model.ToArray());
        Assert.Equal([-0.4375, 3.65625], nodes[1].Model.ToArray());
        Assert.Equal([2, 1.125], Choco(nodes[0]).PublicCopy.ToArray());
        Assert.Equal([-1.25, 3], Choco(nodes[0]).CopyOf(1).ToArray());
    }

    [Theory]
    [InlineData(CompressorKind.RandomK)]
    [InlineData(CompressorKind.Qsgd)]
    public void RandomCompressor_SameSeed_ReproducesTheRun_OtherSeed_Differs(CompressorKind kind)
    {
        var topology = RelayTopology.Create(TopologyKind.Ring, Workers);
        var compressor = new CompressorSettings { Kind = kind, Fraction = 0.25, Levels = 2 };

        var first = Trace(Nodes(topology, compressor, seed: 3));
        var again = Trace(Nodes(topology, compressor, seed: 3));
        var other = Trace(Nodes(topology, compressor, seed: 4));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(CompressorKind.TopK)]
    [InlineData(CompressorKind.RandomK)]
    [InlineData(CompressorKind.Qsgd)]
    public void NoDrops_EveryCopy_EqualsTheNeighboursOwnPublicCopyBitForBit(CompressorKind kind)
    {
        var topology = RelayTopology.Create(TopologyKind.Ring, Workers);
        var nodes = Nodes(topology, new CompressorSettings { Kind = kind, Fraction = 0.25 });

        for (var step = 0; step < 20; step++)
        {
            Lockstep.Run(nodes, 1, firstStep: step);
            foreach (var node in nodes)
                foreach (var neighbour in topology.Graph.Neighbours(node.Worker))
                    Assert.Equal(Choco(nodes[neighbour]).PublicCopy.ToArray(), Choco(node).CopyOf(neighbour).ToArray());
        }
    }

    [Fact]
    public void Drop_LeavesTheReceiversCopyBehindByTheLostMessageForGood()
    {
        // Worker 1's q of step 2 is lost on its way to worker 0 only. Worker 2 still tracks x̂_1 exactly; worker 0's
        // copy trails it by that q in every later step (up to rounding: the later q's are added to different values).
        var topology = RelayTopology.Create(TopologyKind.Ring, Workers);
        var nodes = Nodes(topology, new CompressorSettings { Fraction = 0.5 });
        Lockstep.Run(nodes, 2);
        var before = Choco(nodes[1]).PublicCopy.ToArray();
        Lockstep.Run(nodes, 1, isDropped: (_, from, to) => from == 1 && to == 0, firstStep: 2);
        var lost = Choco(nodes[1]).PublicCopy.ToArray().Zip(before, (a, b) => a - b).ToArray();
        Assert.Contains(lost, v => v != 0);

        for (var step = 2; step < 30; step++)
        {
            if (step > 2)
                Lockstep.Run(nodes, 1, firstStep: step);
            var own = Choco(nodes[1]).PublicCopy;
            Assert.Equal(own.ToArray(), Choco(nodes[2]).CopyOf(1).ToArray());
            var behind = Choco(nodes[0]).CopyOf(1);
            for (var c = 0; c < Dimension; c++)
                Assert.Equal(lost[c], own[c] - behind[c], 1e-12);
        }
    }

    [Fact]
    public void Drop_OnlyChangesTheReceiversNextModelThroughTheMissingCopyUpdate()
    {
        // The consensus step still uses the stale copy with its full weight (no renormalisation): worker 0's model
        // after the drop differs from the undropped run by exactly γ·W_01·q_1.
        var topology = RelayTopology.Create(TopologyKind.Ring, Workers);
        var dropped = Nodes(topology, new CompressorSettings { Fraction = 0.5 }, consensusStep: 0.5);
        var delivered = Nodes(topology, new CompressorSettings { Fraction = 0.5 }, consensusStep: 0.5);
        Lockstep.Run(dropped, 2);
        Lockstep.Run(delivered, 2);
        var before = Choco(delivered[1]).PublicCopy.ToArray();

        Lockstep.Run(dropped, 1, isDropped: (_, from, to) => from == 1 && to == 0, firstStep: 2);
        Lockstep.Run(delivered, 1, firstStep: 2);

        var weight = topology.Graph.MetropolisHastingsWeight(0, 1);
        for (var c = 0; c < Dimension; c++)
        {
            var q = Choco(delivered[1]).PublicCopy[c] - before[c];
            Assert.Equal(0.5 * weight * q, delivered[0].Model[c] - dropped[0].Model[c], 1e-12);
        }
        for (var i = 1; i < Workers; i++)
            Assert.Equal(delivered[i].Model.ToArray(), dropped[i].Model.ToArray());
    }

    [Fact]
    public void PayloadBytes_IsTheCompressorsEncoding()
    {
        var topology = RelayTopology.Create(TopologyKind.Ring, Workers);
        IWorkerNode<double> topK = Nodes(topology, new CompressorSettings { Fraction = 0.5 })[0];
        IWorkerNode<double> gossip = AlgorithmNodes.Create(Algorithm.Gossip, topology, Local, new double[Dimension])[0];

        Assert.Equal(2 * (8 + 4), topK.PayloadBytes(0));
        Assert.Equal(Dimension * 8, gossip.PayloadBytes(0));
    }

    [Fact]
    public void Unsupported_SeveralTrees_IsRefusedLikeGossip()
    {
        var reason = AlgorithmNodes.Unsupported(Algorithm.ChocoSgd, RelayTopology.Create(TopologyKind.DoubleBinaryTrees, 8));

        Assert.NotNull(reason);
        Assert.StartsWith("choco-sgd on several trees", reason, StringComparison.Ordinal);
    }

    private static ChocoSgdNode<double> Choco(IWorkerNode<double> node) => Assert.IsType<ChocoSgdNode<double>>(node);

    private static IWorkerNode<double>[] Nodes(RelayTopology topology, CompressorSettings compressor, double consensusStep = 0.5, int seed = 0) =>
        AlgorithmNodes.Create(Algorithm.ChocoSgd, topology, Local, new double[Dimension], Options(compressor, consensusStep, seed));

    private static AlgorithmOptions Options(CompressorSettings compressor, double consensusStep, int seed = 0) =>
        new() { Choco = new ChocoSettings { Compressor = compressor, ConsensusStep = consensusStep }, Seed = seed };

    /// <summary>f_i = ||x − b_i||²/2 with a different b_i per worker, η = 0.3.</summary>
    private static LocalStep<double> Local(int worker) =>
        LocalStep<double>.Sgd(new SeparableQuadratic(Enumerable.Range(0, Dimension).Select(c => (double)((worker * 3) + c) % 5 - 2).ToArray()), 0.3);

    private static double[] Trace(IWorkerNode<double>[] nodes)
    {
        var models = new List<double>();
        Lockstep.Run(nodes, 30, _ => models.AddRange(nodes.SelectMany(n => n.Model.ToArray())));
        return [.. models];
    }
}
