using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Relay;

/// <summary>Creates the averaging nodes of a consensus algorithm.</summary>
public static class ConsensusNodes
{
    /// <summary>True when <paramref name="algorithm"/> is defined on <paramref name="graph"/> (RelaySum needs a tree; gossip a connected graph).</summary>
    public static bool Supports(ConsensusAlgorithm algorithm, Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return algorithm == ConsensusAlgorithm.RelaySum ? graph.IsTree : graph.IsConnected;
    }

    /// <summary>The node of <paramref name="worker"/> starting from <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">RelaySum on a graph that is not a tree.</exception>
    public static IWorkerNode<float> Create(ConsensusAlgorithm algorithm, Graph graph, int worker, ReadOnlySpan<float> value) => algorithm switch
    {
        ConsensusAlgorithm.RelaySum => new RelaySumNode<float>(new RelayLanes<float>([graph], worker, value.Length), value),
        ConsensusAlgorithm.Gossip => new GossipNode<float>(new GossipState<float>(graph, worker, value.Length), value),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown consensus algorithm"),
    };

    /// <summary>One node per worker; <paramref name="values"/>[i] is worker i's starting value.</summary>
    public static IWorkerNode<float>[] CreateAll(ConsensusAlgorithm algorithm, Graph graph, IReadOnlyList<float[]> values)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != graph.NodeCount)
            throw new ArgumentException($"Got {values.Count} values for {graph.NodeCount} workers", nameof(values));
        var nodes = new IWorkerNode<float>[graph.NodeCount];
        for (var i = 0; i < nodes.Length; i++)
            nodes[i] = Create(algorithm, graph, i, values[i]);
        return nodes;
    }
}
