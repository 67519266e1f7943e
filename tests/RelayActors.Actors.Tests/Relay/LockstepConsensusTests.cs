using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>Spec §7: Example 1 and facts F1, F2, F3 on the synchronous (zero-delay) recursions.</summary>
public sealed class LockstepConsensusTests
{
    internal static float[][] Example1Values => [[5f], [0f], [0f], [0f], [0f]];

    public static TheoryData<TopologyKind, int> Trees => new()
    {
        { TopologyKind.Chain, 2 },
        { TopologyKind.Chain, 5 },
        { TopologyKind.Chain, 16 },
        { TopologyKind.BinaryTree, 5 },
        { TopologyKind.BinaryTree, 16 },
        { TopologyKind.BinaryTree, 33 },
        { TopologyKind.Star, 3 },
        { TopologyKind.Star, 16 },
    };

    [Fact]
    public void RelaySum_Example1_CountsPerRoundMatchSpec()
    {
        var rounds = LockstepConsensus.Run(ConsensusAlgorithm.RelaySum, Topologies.Chain(5), Example1Values, 4);

        Assert.Equal([2, 3, 3, 3, 2], rounds[0].Counts);
        Assert.Equal([3, 4, 5, 4, 3], rounds[1].Counts);
        Assert.Equal([4, 5, 5, 5, 4], rounds[2].Counts);
        Assert.Equal([5, 5, 5, 5, 5], rounds[3].Counts);
    }

    [Fact]
    public void RelaySum_Example1_EstimatesAreSumOverCountPerSpec()
    {
        // S_i is 5 once worker 0's value has reached i, else 0; the estimate is exactly the float quotient S/C.
        float[][] sums = [[5, 5, 0, 0, 0], [5, 5, 5, 0, 0], [5, 5, 5, 5, 0], [5, 5, 5, 5, 5]];
        double[][] spec = [[2.5, 1.667, 0, 0, 0], [1.667, 1.25, 1, 0, 0], [1.25, 1, 1, 1, 0], [1, 1, 1, 1, 1]];
        var rounds = LockstepConsensus.Run(ConsensusAlgorithm.RelaySum, Topologies.Chain(5), Example1Values, 4);

        for (var t = 0; t < 4; t++)
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(sums[t][i] / rounds[t].Counts[i], rounds[t].Estimates[i][0]);
                Assert.Equal(spec[t][i], rounds[t].Estimates[i][0], 5e-4);
            }
        }
        Assert.Equal(0.0, rounds[3].MaxAbsError);
    }

    [Fact]
    public void Gossip_Example1_MatchesSpecAfterFourAndFiveRounds()
    {
        // Round t reports x^{(t+1)} = W^{t+1} v, so rounds[3] is "after 4 rounds".
        var rounds = LockstepConsensus.Run(ConsensusAlgorithm.Gossip, Topologies.Chain(5), Example1Values, 5);

        AssertEstimates([2.1605, 1.6049, 0.8642, 0.3086, 0.0617], rounds[3], 1e-4);
        AssertEstimates([1.9753, 1.5432, 0.9259, 0.4115, 0.1440], rounds[4], 1e-4);
        Assert.All(rounds, r => Assert.Equal([0, 0, 0, 0, 0], r.Counts));
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void RelaySum_StaticValues_CountIsBallSizeAndEstimateIsBallMean(TopologyKind kind, int n)
    {
        // F1: after round t, C_i = #{k : d(i,k) ≤ t+1} and S_i/C_i is the exact mean of that ball.
        var tree = Topologies.Create(kind, n);
        var values = Enumerable.Range(0, n).Select(k => new[] { (float)(k + 1) }).ToArray();
        var rounds = LockstepConsensus.Run(ConsensusAlgorithm.RelaySum, tree, values, tree.Diameter + 1);

        for (var i = 0; i < n; i++)
        {
            var distances = tree.HopDistances(i);
            for (var t = 0; t < rounds.Count; t++)
            {
                var count = 0;
                var sum = 0f;
                for (var k = 0; k < n; k++)
                {
                    if (distances[k] <= t + 1)
                    {
                        count++;
                        sum += values[k][0];
                    }
                }
                Assert.Equal(count, rounds[t].Counts[i]);
                Assert.Equal(sum / count, rounds[t].Estimates[i][0]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void RelaySum_AfterDiameterRounds_EveryWorkerHoldsExactMeanAndNotBefore(TopologyKind kind, int n)
    {
        var tree = Topologies.Create(kind, n);
        var values = Enumerable.Range(0, n).Select(k => new[] { (float)k }).ToArray();
        var rounds = LockstepConsensus.Run(ConsensusAlgorithm.RelaySum, tree, values, tree.Diameter + 1);
        var mean = (n - 1) / 2f;

        var exact = rounds[tree.Diameter - 1];
        Assert.All(exact.Counts, c => Assert.Equal(n, c));
        Assert.All(exact.Estimates, e => Assert.Equal(mean, e[0]));
        Assert.All(rounds, r => Assert.All(r.Counts, c => Assert.InRange(c, 1, n)));
        if (tree.Diameter >= 2)
            Assert.Contains(rounds[tree.Diameter - 2].Counts, c => c < n);
    }

    [Fact]
    public void RelaySum_Chain16_CountsOfNodesZeroAndSevenMatchF2()
    {
        var values = Enumerable.Range(0, 16).Select(_ => new[] { 1f }).ToArray();
        var rounds = LockstepConsensus.Run(ConsensusAlgorithm.RelaySum, Topologies.Chain(16), values, 16);

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16], rounds.Select(r => r.Counts[0]));
        Assert.Equal([3, 5, 7, 9, 11, 13, 15, 16, 16, 16, 16, 16, 16, 16, 16, 16], rounds.Select(r => r.Counts[7]));
    }

    [Fact]
    public void Gossip_Ring16_NeverExactAndErrorContractsByLambda2()
    {
        // F3: the slowest mode decays by λ₂ = 1/3 + 2/3·cos(2π/16) per round; after 80 rounds it dominates.
        var values = Enumerable.Range(0, 16).Select(k => new[] { k == 0 ? 16f : 0f }).ToArray();
        var rounds = LockstepConsensus.Run(ConsensusAlgorithm.Gossip, Topologies.Ring(16), values, 81);

        Assert.All(rounds, r => Assert.True(r.MaxAbsError > 0, $"round {r.Round} reached the exact mean"));
        var lambda2 = (1.0 / 3) + (2.0 / 3 * Math.Cos(2 * Math.PI / 16));
        Assert.Equal(lambda2, rounds[80].MaxAbsError / rounds[79].MaxAbsError, 1e-4);
    }

    [Fact]
    public void RelaySum_NonTree_ThrowsBeforeAnyRound()
    {
        var values = Enumerable.Range(0, 6).Select(_ => new[] { 1f }).ToArray();
        Assert.Throws<ArgumentException>(() => LockstepConsensus.Run(ConsensusAlgorithm.RelaySum, Topologies.Ring(6), values, 3));
    }

    private static void AssertEstimates(double[] expected, ConsensusRound round, double tolerance)
    {
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], round.Estimates[i][0], tolerance);
    }
}
