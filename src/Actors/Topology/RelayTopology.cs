namespace RelayActors.Actors.Topology;

/// <summary>
/// The communication structure of a run: the <see cref="Graph"/> gossip-style algorithms mix over, and the
/// <see cref="Trees"/> RelaySum relays over (one tree; two for double binary trees, each carrying half of the
/// parameters; none when the graph is not a tree and no spanning tree was chosen).
/// </summary>
public sealed record RelayTopology(Graph Graph, IReadOnlyList<Graph> Trees)
{
    /// <summary>The graph of <paramref name="kind"/>; its trees are the graph itself when it is a tree, the pair for double binary trees.</summary>
    public static RelayTopology Create(TopologyKind kind, int nodes)
    {
        if (kind == TopologyKind.DoubleBinaryTrees)
        {
            var pair = Topologies.DoubleBinaryTrees(nodes);
            return new RelayTopology(pair.Union(), pair.AsList());
        }
        return Of(Topologies.Create(kind, nodes));
    }

    /// <summary><paramref name="graph"/> with itself as the one tree when it is a tree.</summary>
    public static RelayTopology Of(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new RelayTopology(graph, graph.IsTree ? [graph] : []);
    }

    /// <summary><paramref name="graph"/> relaying over <paramref name="tree"/>, a spanning tree of it.</summary>
    public static RelayTopology WithSpanningTree(Graph graph, Graph tree)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(tree);
        if (!tree.IsTree || tree.NodeCount != graph.NodeCount)
            throw new ArgumentException($"A spanning tree of a {graph.NodeCount}-node graph must be a tree on {graph.NodeCount} nodes", nameof(tree));
        return new RelayTopology(graph, [tree]);
    }

    public int Workers => Graph.NodeCount;

    /// <summary>True when RelaySum can run: at least one tree.</summary>
    public bool HasTrees => Trees.Count > 0;

    /// <summary>True when the graph is the union of several trees (gossip-style algorithms then need one graph per lane, which they do not support).</summary>
    public bool IsMultiTree => Trees.Count > 1;
}
