using System.Numerics;
using System.Runtime.InteropServices;
using RelayActors.Actors.Baselines;
using RelayActors.Actors.Compression;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Models.Optim;
using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>
/// Checkpoint and resume: nodes that read the state of nodes after k steps continue with exactly their numbers. The
/// objectives and the learning rate depend on the step, momentum and Adam carry state, and drops leave relay slots
/// empty, so every part of the state is exercised.
/// </summary>
public sealed class CheckpointTests
{
    private const int Workers = 8;
    private const int Before = 5;
    private const int After = 6;
    private static readonly double[] Initial = [1, -2, 0.5, 3, -1];

    public static TheoryData<Algorithm, OptimizerKind, bool> EveryAlgorithm()
    {
        var data = new TheoryData<Algorithm, OptimizerKind, bool>();
        foreach (var algorithm in Enum.GetValues<Algorithm>())
            foreach (var optimizer in Enum.GetValues<OptimizerKind>())
                foreach (var drops in new[] { false, true })
                    if (algorithm != Algorithm.QuasiGlobalMomentum || optimizer == OptimizerKind.Sgd)   // it refuses Adam
                        data.Add(algorithm, optimizer, drops);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAlgorithm))]
    public void ReadState_EveryAlgorithm_ContinuesBitIdentically(Algorithm algorithm, OptimizerKind optimizer, bool drops) =>
        AssertResumesExactly(() => Nodes(algorithm, optimizer), drops ? SomeDrops : null);

    [Theory]
    [InlineData(Algorithm.QuasiGlobalMomentum)]
    [InlineData(Algorithm.Sgp)]
    [InlineData(Algorithm.D2)]
    public void ReadState_ThreeLocalSteps_ContinuesBitIdentically(Algorithm algorithm) =>
        AssertResumesExactly(() => AlgorithmNodes.Create(algorithm, Topology(algorithm), i => Local(i, Initial.Length, OptimizerKind.Sgd, localSteps: 3), Initial), SomeDrops);

    [Theory]
    [InlineData(RelayFill.InitialModel)]
    [InlineData(RelayFill.OwnPrevious)]
    [InlineData(RelayFill.Zero)]
    public void ReadState_RelaySgdEveryFill_ContinuesBitIdentically(RelayFill fill) =>
        AssertResumesExactly(() => Nodes(Algorithm.RelaySgd, OptimizerKind.Sgd, fill), SomeDrops);

    [Theory]
    [InlineData(CompressorKind.RandomK)]
    [InlineData(CompressorKind.Qsgd)]
    [InlineData(CompressorKind.ScaledSign)]
    public void ReadState_ChocoEveryCompressor_ContinuesBitIdentically(CompressorKind kind)
    {
        // The copies x̂ lag the models by what compression left out, and random compressors draw per step.
        var options = new AlgorithmOptions { Choco = new ChocoSettings { Compressor = new CompressorSettings { Kind = kind, Fraction = 0.4, Levels = 3 } }, Seed = 5 };

        AssertResumesExactly(() => AlgorithmNodes.Create(Algorithm.ChocoSgd, Topology(Algorithm.ChocoSgd), i => Local(i, Initial.Length, OptimizerKind.Sgd), Initial, options), SomeDrops);
    }

    [Fact]
    public void ReadState_ChocoOtherGraph_ThrowsNamingTheNeighbours()
    {
        var state = Save(Run(Nodes(Algorithm.ChocoSgd, OptimizerKind.Sgd)));
        var star = AlgorithmNodes.Create(Algorithm.ChocoSgd, RelayTopology.Of(Topologies.Star(Workers)), i => Local(i, Initial.Length, OptimizerKind.Sgd), Initial);

        var error = Assert.Throws<InvalidDataException>(() => star[0].ReadState(Reader(state)));

        Assert.Equal("State was written for worker 0's Choco neighbours = [1, 7], but this one has [1, 2, 3, 4, 5, 6, 7]", error.Message);
    }

    [Theory]
    [InlineData(ConsensusAlgorithm.RelaySum, false)]
    [InlineData(ConsensusAlgorithm.RelaySum, true)]
    [InlineData(ConsensusAlgorithm.Gossip, false)]
    [InlineData(ConsensusAlgorithm.Gossip, true)]
    public void ReadState_ConsensusNodes_ContinueBitIdentically(ConsensusAlgorithm algorithm, bool drops)
    {
        // A chain of 8 has diameter 7: after 2 steps RelaySum's inboxes still hold partial sums that decide the next ones.
        var graph = algorithm == ConsensusAlgorithm.RelaySum ? Topologies.Chain(Workers) : Topologies.Ring(Workers);
        var values = Enumerable.Range(0, Workers).Select(i => new[] { i * 1.5f, -i, i * i / 3f }).ToArray();
        AssertResumesExactly(() => ConsensusNodes.CreateAll(algorithm, graph, values), drops ? SomeDrops : null, before: 2);
    }

    [Fact]
    public void ReadState_OtherAlgorithm_ThrowsNamingBothNodeTypes()
    {
        var state = Save(Run(Nodes(Algorithm.RelaySgd, OptimizerKind.Sgd)));

        var error = Assert.Throws<InvalidDataException>(() => Nodes(Algorithm.AllReduce, OptimizerKind.Sgd)[0].ReadState(Reader(state)));

        Assert.Equal("Expected state section 'AllReduceNode<Double>', found 'RelaySgdNode<Double>': the state was written by another type or algorithm", error.Message);
    }

    [Fact]
    public void ReadState_OtherDimension_ThrowsNamingBothDimensions()
    {
        var state = Save(Run(Nodes(Algorithm.D2, OptimizerKind.Sgd)));
        var wider = AlgorithmNodes.Create(Algorithm.D2, Topology(Algorithm.D2), i => Local(i, 6, OptimizerKind.Sgd), new double[6]);

        var error = Assert.Throws<InvalidDataException>(() => wider[0].ReadState(Reader(state)));

        Assert.Equal("State was written for worker 0's dimension = 5, but this one has 6", error.Message);
    }

    [Fact]
    public void ReadState_OtherTree_ThrowsNamingTheNeighbours()
    {
        var chain = RelayTopology.Of(Topologies.Chain(Workers));
        var state = Save(Run(AlgorithmNodes.Create(Algorithm.RelaySgdGrad, chain, i => Local(i, Initial.Length, OptimizerKind.Sgd), Initial)));
        var star = RelayTopology.Of(Topologies.Star(Workers));
        var node = AlgorithmNodes.Create(Algorithm.RelaySgdGrad, star, i => Local(i, Initial.Length, OptimizerKind.Sgd), Initial)[0];

        var error = Assert.Throws<InvalidDataException>(() => node.ReadState(Reader(state)));

        Assert.Equal("State was written for worker 0's tree neighbours = [1], but this one has [1, 2, 3, 4, 5, 6, 7]", error.Message);
    }

    [Fact]
    public void ReadState_OtherOptimizer_ThrowsNamingBoth()
    {
        var state = Save(Run(Nodes(Algorithm.GradientTracking, OptimizerKind.Sgd)));

        var error = Assert.Throws<InvalidDataException>(() => Nodes(Algorithm.GradientTracking, OptimizerKind.Adam)[0].ReadState(Reader(state)));

        Assert.StartsWith("Expected state section 'AdamOptimizer<Double>', found 'SgdOptimizer<Double>'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadState_OtherElementType_ThrowsNamingBoth()
    {
        var values = Enumerable.Range(0, Workers).Select(i => new[] { (float)i }).ToArray();
        var state = Save(ConsensusNodes.CreateAll(ConsensusAlgorithm.Gossip, Topologies.Ring(Workers), values));
        var node = new GossipNode<double>(new GossipState<double>(Topologies.Ring(Workers), 0, 1), [0.0]);

        var error = Assert.Throws<InvalidDataException>(() => node.ReadState(Reader(state)));

        Assert.StartsWith("Expected state section 'GossipNode<Double>', found 'GossipNode<Single>'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteState_GossipMidRound_ThrowsBecauseTheMixIsPending()
    {
        var node = Nodes(Algorithm.Gossip, OptimizerKind.Sgd)[0];
        node.BeginStep(0);
        node.Accept(0, 0, new double[Initial.Length], 1);

        var error = Assert.Throws<InvalidOperationException>(() => node.WriteState(new BinaryWriter(new MemoryStream())));

        Assert.Equal("Worker 0 holds an unmixed message from 1; checkpoint between rounds, after Mix", error.Message);
    }

    /// <summary>
    /// Runs <paramref name="before"/> steps, saves every node into one stream, reads it into fresh nodes and checks
    /// that both sets then agree bit for bit (and save the same bytes), and still do after each of <see cref="After"/>
    /// more steps.
    /// </summary>
    private static void AssertResumesExactly<T>(Func<IWorkerNode<T>[]> create, Lockstep.DropDecision? drops, int before = Before)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var original = create();
        Lockstep.Run(original, before, isDropped: drops);
        var state = Save(original);
        var restored = create();
        using (var reader = Reader(state))
        {
            foreach (var node in restored)
                node.ReadState(reader);
            Assert.Equal(reader.BaseStream.Length, reader.BaseStream.Position);
        }
        Assert.Equal(state, Save(restored));
        AssertSame(original, restored, before - 1);

        for (long step = before; step < before + After; step++)
        {
            Lockstep.Run(original, 1, isDropped: drops, firstStep: step);
            Lockstep.Run(restored, 1, isDropped: drops, firstStep: step);
            AssertSame(original, restored, step);
        }
    }

    private static void AssertSame<T>(IWorkerNode<T>[] original, IWorkerNode<T>[] restored, long step)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < original.Length; i++)
        {
            Assert.True(
                MemoryMarshal.AsBytes(original[i].Model).SequenceEqual(MemoryMarshal.AsBytes(restored[i].Model)),
                $"Worker {i} after step {step}: [{string.Join(", ", original[i].Model.ToArray())}] vs restored [{string.Join(", ", restored[i].Model.ToArray())}]");
            Assert.Equal(original[i].Count, restored[i].Count);
        }
    }

    /// <summary>About one message in five is lost, in every step.</summary>
    private static bool SomeDrops(long step, int from, int to) => ((step * 7) + (from * 3) + to) % 5 == 0;

    /// <summary>Relay algorithms on double binary trees (two lanes), gossip-style ones on a ring (cycles), all-reduce and SGP on all workers.</summary>
    private static RelayTopology Topology(Algorithm algorithm) => algorithm switch
    {
        Algorithm.Gossip or Algorithm.D2 or Algorithm.GradientTracking or Algorithm.QuasiGlobalMomentum or Algorithm.ChocoSgd => RelayTopology.Of(Topologies.Ring(Workers)),
        _ => RelayTopology.Create(TopologyKind.DoubleBinaryTrees, Workers),
    };

    private static IWorkerNode<double>[] Nodes(Algorithm algorithm, OptimizerKind optimizer, RelayFill fill = RelayFill.InitialModel) =>
        AlgorithmNodes.Create(algorithm, Topology(algorithm), i => Local(i, Initial.Length, optimizer), Initial, fill);

    /// <summary>Nesterov momentum or Adam, with weight decay and a warm-up then a decay, so both the state and the step matter.</summary>
    private static LocalStep<double> Local(int worker, int dimension, OptimizerKind optimizer, int localSteps = 1) => new(
        new DriftingQuadratic(worker, dimension),
        new OptimizerSettings(optimizer, Momentum: 0.9, Nesterov: true, WeightDecay: 1e-2).Create<double>(dimension),
        new LearningRateSchedule(0.1, stepsPerEpoch: 2, warmupEpochs: 2, milestones: [4], decayFactor: 0.5),
        localSteps);

    private static IWorkerNode<double>[] Run(IWorkerNode<double>[] nodes)
    {
        Lockstep.Run(nodes, Before);
        return nodes;
    }

    private static byte[] Save<T>(IEnumerable<IWorkerNode<T>> nodes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            foreach (var node in nodes)
                node.WriteState(writer);
        return stream.ToArray();
    }

    private static BinaryReader Reader(byte[] state) => new(new MemoryStream(state));

    /// <summary>f_i(x) = ||x − b_i||²/2 plus a term that changes with the step (a stand-in for mini-batch noise).</summary>
    private sealed class DriftingQuadratic(int worker, int dimension) : ILocalObjective<double>
    {
        public int Dimension => dimension;

        public void Gradient(long step, ReadOnlySpan<double> parameters, Span<double> gradient)
        {
            for (var c = 0; c < dimension; c++)
                gradient[c] = parameters[c] - (worker * (c + 1) % 5) + (0.3 * Math.Sin((step * 1.7) + worker + c));
        }
    }
}
