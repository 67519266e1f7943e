using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Relay;

/// <summary>Consensus rounds on <see cref="Lockstep"/>: the per-round estimates and counts the actor run must reproduce bit for bit.</summary>
public static class LockstepConsensus
{
    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="algorithm"/> from <paramref name="values"/>.</summary>
    public static IReadOnlyList<ConsensusRound> Run(ConsensusAlgorithm algorithm, Graph graph, IReadOnlyList<float[]> values, int rounds)
    {
        var nodes = ConsensusNodes.CreateAll(algorithm, graph, values);
        return Run(nodes, rounds, ConsensusRound.ExactMean(values));
    }

    /// <summary>Runs <paramref name="rounds"/> rounds on <paramref name="nodes"/>, indexed by worker id.</summary>
    public static IReadOnlyList<ConsensusRound> Run(IReadOnlyList<IWorkerNode<float>> nodes, int rounds, IReadOnlyList<double> exactMean)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var result = new List<ConsensusRound>(rounds);
        Lockstep.Run(nodes, rounds, step =>
        {
            var estimates = new float[nodes.Count][];
            var counts = new int[nodes.Count];
            for (var i = 0; i < nodes.Count; i++)
            {
                estimates[i] = nodes[i].Model.ToArray();
                counts[i] = nodes[i].Count;
            }
            result.Add(ConsensusRound.Create((int)step, estimates, counts, exactMean));
        });
        return result;
    }
}
