using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>Double binary trees (spec §3): even parameters relay on tree 0, odd ones on tree 1, each lane on its own.</summary>
public sealed class MultiTreeLanesTests
{
    private const int Workers = 16;
    private const int Dimension = 5;
    private static readonly IReadOnlyList<Graph> Trees = Topologies.DoubleBinaryTrees(Workers).AsList();

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(15)]
    public void Channels_DoubleTrees_AreTreeZeroNeighboursOnLaneZeroThenTreeOneNeighboursOnLaneOne(int worker)
    {
        var node = (RelaySumNode<double>)RelaySumNodes.Create(Trees, Values())[worker];

        Channel[] expected = [.. LaneChannels(0, worker), .. LaneChannels(1, worker)];
        Assert.Equal(expected, node.Channels.ToArray());
        Assert.Equal(expected, node.Sends(0, 0).ToArray());
        Assert.Equal(expected, node.Receives(0, 0).ToArray());
        Assert.Equal((3, 2), (node.PayloadLength(0), node.PayloadLength(1)));
    }

    [Fact]
    public void Compose_FirstRound_SendsEvenParametersOnLaneZeroAndOddOnLaneOne()
    {
        var node = RelaySumNodes.Create(Trees, Values())[8];
        node.BeginStep(0);
        var channels = node.Sends(0, 0);

        for (var k = 0; k < channels.Length; k++)
        {
            var payload = new double[node.PayloadLength(channels[k].Lane)];
            Assert.Equal(1, node.Compose(0, k, payload));
            Assert.Equal(channels[k].Lane == 0 ? [800.0, 802.0, 804.0] : [801.0, 803.0], payload);
        }
    }

    [Fact]
    public void PeerMessages_OnActors_CarryEachLaneOnItsOwnTreeWithItsLength()
    {
        var nodes = RelaySumNodes.Create(Trees, Values()).Select(n => new RecordingNode(n)).ToArray();

        ModelRecorder.FromActors(nodes, 8, new NetworkSettings { Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)) });

        foreach (var node in nodes)
        {
            Assert.Equal(8 * (Trees[0].Degree(node.Worker) + Trees[1].Degree(node.Worker)), node.Messages.Count);
            foreach (var message in node.Messages)
            {
                Assert.Contains(message.From.Peer, Trees[message.From.Lane].Neighbours(node.Worker).ToArray());
                Assert.Equal(message.From.Lane == 0 ? 3 : 2, message.Payload.Length);
            }
        }
    }

    [Fact]
    public void RelaySum_DoubleTrees_EachLaneIsTheBallMeanOnItsTreeUntilExactAfterMaxDiameter()
    {
        var values = Values();
        var rounds = Math.Max(Trees[0].Diameter, Trees[1].Diameter);

        var run = ModelRecorder.FromLockstep(RelaySumNodes.Create(Trees, values), rounds + 1);

        for (var i = 0; i < Workers; i++)
        {
            for (var t = 0; t < run.Steps; t++)
            {
                var balls = Trees.Select(tree => Ball(tree, i, t + 1)).ToArray();
                for (var c = 0; c < Dimension; c++)
                {
                    var ball = balls[c % 2];
                    Assert.Equal(ball.Sum(k => values[k][c]) / ball.Count, run.Models[t][i][c]);
                }
                Assert.Equal(Math.Min(balls[0].Count, balls[1].Count), run.Counts[t][i]);
            }
        }
        var mean = Enumerable.Range(0, Dimension).Select(c => values.Sum(v => v[c]) / Workers).ToArray();
        Assert.All(run.Models[rounds - 1], m => Assert.Equal(mean, m));
    }

    [Fact]
    public void RelaySgd_DoubleTreesSeparableQuadratics_EachCoordinateFollowsItsOwnTree()
    {
        // f_i = ||x − b_i||²/2 with b_15 = (16, −32), 0 elsewhere: x* = (1, −2). Coordinate c sees only tree c.
        const int steps = 300;
        var onBoth = Nodes(RelayTopology.Create(TopologyKind.DoubleBinaryTrees, Workers), i => i == Workers - 1 ? [16.0, -32.0] : [0.0, 0.0]);
        var onTree0 = Nodes(RelayTopology.Of(Trees[0]), i => [i == Workers - 1 ? 16.0 : 0.0]);
        var onTree1 = Nodes(RelayTopology.Of(Trees[1]), i => [i == Workers - 1 ? -32.0 : 0.0]);

        var both = ModelRecorder.FromLockstep(onBoth, steps);
        var first = ModelRecorder.FromLockstep(onTree0, steps);
        var second = ModelRecorder.FromLockstep(onTree1, steps);

        for (var t = 0; t < steps; t++)
        {
            Assert.Equal(first.Coordinate(t), both.Coordinate(t, 0));
            Assert.Equal(second.Coordinate(t), both.Coordinate(t, 1));
        }
        Assert.All(both.Models[^1], m => Trajectory.AssertClose([1.0, -2.0], m, 1e-9));
    }

    private static IWorkerNode<double>[] Nodes(RelayTopology topology, Func<int, double[]> target) =>
        AlgorithmNodes.Create(Algorithm.RelaySgd, topology, i => LocalStep<double>.Sgd(new SeparableQuadratic(target(i)), 0.5), new double[target(0).Length]);

    /// <summary>Worker k holds (100k, 100k + 1, …, 100k + 4): integers, so every ball mean is exact.</summary>
    private static double[][] Values() =>
        Enumerable.Range(0, Workers).Select(k => Enumerable.Range(0, Dimension).Select(c => (100.0 * k) + c).ToArray()).ToArray();

    private static IEnumerable<Channel> LaneChannels(int lane, int worker) =>
        Trees[lane].Neighbours(worker).ToArray().Select(peer => new Channel(peer, lane));

    private static List<int> Ball(Graph tree, int worker, int radius)
    {
        var distances = tree.HopDistances(worker);
        return Enumerable.Range(0, Workers).Where(k => distances[k] <= radius).ToList();
    }
}
