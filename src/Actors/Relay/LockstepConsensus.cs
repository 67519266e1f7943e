using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Relay;

/// <summary>
/// Runs consensus rounds synchronously without actors or delays (the recursions of spec §7): each round every
/// worker composes all its messages, then all are delivered, then every worker completes the round. The oracle
/// the actor run must reproduce bit for bit.
/// </summary>
public static class LockstepConsensus
{
    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="algorithm"/> from <paramref name="values"/>.</summary>
    public static IReadOnlyList<ConsensusRound> Run(ConsensusAlgorithm algorithm, Graph graph, IReadOnlyList<float[]> values, int rounds)
    {
        var nodes = ConsensusNodes.CreateAll(algorithm, graph, values);
        return Run(nodes, rounds, ConsensusRound.ExactMean(values));
    }

    /// <summary>Runs <paramref name="rounds"/> rounds on <paramref name="nodes"/>, indexed by worker id.</summary>
    public static IReadOnlyList<ConsensusRound> Run(IReadOnlyList<IConsensusNode> nodes, int rounds, IReadOnlyList<double> exactMean)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        // outbox[i][k], counts[i][k]: worker i's message of this round to its k-th neighbour.
        var outbox = new float[nodes.Count][][];
        var outCounts = new int[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            var degree = nodes[i].Neighbours.Length;
            outbox[i] = new float[degree][];
            outCounts[i] = new int[degree];
            for (var k = 0; k < degree; k++)
                outbox[i][k] = new float[nodes[i].Dimension];
        }

        var result = new List<ConsensusRound>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                var neighbours = nodes[i].Neighbours;
                for (var k = 0; k < neighbours.Length; k++)
                    outCounts[i][k] = nodes[i].ComposeOutgoing(neighbours[k], outbox[i][k]);
            }
            for (var i = 0; i < nodes.Count; i++)
            {
                var neighbours = nodes[i].Neighbours;
                for (var k = 0; k < neighbours.Length; k++)
                {
                    var j = neighbours[k];
                    nodes[j].Accept(i, outbox[i][k], outCounts[i][k]);
                }
            }
            var estimates = new float[nodes.Count][];
            var counts = new int[nodes.Count];
            for (var i = 0; i < nodes.Count; i++)
            {
                estimates[i] = new float[nodes[i].Dimension];
                counts[i] = nodes[i].CompleteRound(estimates[i]);
            }
            result.Add(ConsensusRound.Create(round, estimates, counts, exactMean));
        }
        return result;
    }
}
