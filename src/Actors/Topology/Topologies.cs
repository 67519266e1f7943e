namespace RelayActors.Actors.Topology;

/// <summary>Builders for the graphs of spec §3 (a port of the reference code's <c>topologies.py</c>).</summary>
public static class Topologies
{
    /// <summary>Builds the graph of <paramref name="kind"/> on <paramref name="nodes"/> nodes.</summary>
    public static Graph Create(TopologyKind kind, int nodes) => kind switch
    {
        TopologyKind.Chain => Chain(nodes),
        TopologyKind.Ring => Ring(nodes),
        TopologyKind.Star => Star(nodes),
        TopologyKind.BinaryTree => BinaryTree(nodes),
        TopologyKind.FullyConnected => FullyConnected(nodes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown topology kind"),
    };

    /// <summary>The fewest nodes <see cref="Create"/> accepts for <paramref name="kind"/> (a ring needs 3).</summary>
    public static int MinimumNodes(TopologyKind kind) => kind == TopologyKind.Ring ? 3 : 1;

    /// <summary>True for the kinds whose graphs are trees for every size (the ones RelaySum runs on directly).</summary>
    public static bool IsTreeKind(TopologyKind kind) => kind is TopologyKind.Chain or TopologyKind.Star or TopologyKind.BinaryTree;

    /// <summary>i ~ i + 1.</summary>
    public static Graph Chain(int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        var edges = new List<Edge>(nodes - 1);
        for (var i = 0; i + 1 < nodes; i++)
            edges.Add(new Edge(i, i + 1));
        return new Graph(nodes, edges);
    }

    /// <summary>i ~ (i + 1) mod n; needs at least 3 nodes (with fewer the cycle would repeat an edge).</summary>
    public static Graph Ring(int nodes)
    {
        if (nodes < MinimumNodes(TopologyKind.Ring))
            throw new ArgumentOutOfRangeException(nameof(nodes), nodes, $"A ring needs at least {MinimumNodes(TopologyKind.Ring)} nodes; got {nodes} (use a chain)");
        var edges = new List<Edge>(nodes);
        for (var i = 0; i < nodes; i++)
            edges.Add(new Edge(i, (i + 1) % nodes));
        return new Graph(nodes, edges);
    }

    /// <summary>Node 0 is the hub; every other node is a leaf.</summary>
    public static Graph Star(int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        var edges = new List<Edge>(nodes - 1);
        for (var i = 1; i < nodes; i++)
            edges.Add(new Edge(0, i));
        return new Graph(nodes, edges);
    }

    /// <summary>
    /// <c>BinaryTreeTopology(n)</c> of the reference code: edge 0–1, then heap indexing from 1 (parent(w) = ⌊w/2⌋,
    /// children 2w and 2w + 1 below n). Node 0 hangs off the heap root 1, so the maximum degree is 3.
    /// </summary>
    public static Graph BinaryTree(int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        var edges = new List<Edge>(nodes - 1);
        if (nodes > 1)
            edges.Add(new Edge(0, 1));
        for (var w = 2; w < nodes; w++)
            edges.Add(new Edge(w / 2, w));
        return new Graph(nodes, edges);
    }

    /// <summary>Every pair of nodes connected.</summary>
    public static Graph FullyConnected(int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        var edges = new List<Edge>(nodes * (nodes - 1) / 2);
        for (var i = 0; i < nodes; i++)
            for (var j = i + 1; j < nodes; j++)
                edges.Add(new Edge(i, j));
        return new Graph(nodes, edges);
    }
}
