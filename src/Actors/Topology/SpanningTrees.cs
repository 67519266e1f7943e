namespace RelayActors.Actors.Topology;

/// <summary>
/// Spanning trees of connected graphs, so RelaySum (defined on trees only) can run on any network (spec §3,
/// "social-network-tree(root)").
/// </summary>
public static class SpanningTrees
{
    /// <summary>
    /// The union of the lexicographically smallest shortest paths from <paramref name="root"/> to every node: a
    /// breadth-first tree whose hop distances from the root equal the graph's.
    /// </summary>
    /// <remarks>
    /// Breadth-first search over sorted neighbour lists finds exactly these paths: by induction each level leaves the
    /// queue in lexicographic order of its paths, so a node's first discoverer ends the smallest path to it.
    /// </remarks>
    /// <exception cref="ArgumentException">Some node cannot be reached from <paramref name="root"/>.</exception>
    public static Graph BreadthFirst(Graph graph, int root)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if ((uint)root >= (uint)graph.NodeCount)
            throw new ArgumentOutOfRangeException(nameof(root), root, $"The root must be in 0..{graph.NodeCount - 1}");
        var parent = new int[graph.NodeCount];
        Array.Fill(parent, -1);
        parent[root] = root;
        var queue = new Queue<int>();
        queue.Enqueue(root);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in graph.Neighbours(node))
            {
                if (parent[next] >= 0)
                    continue;
                parent[next] = node;
                queue.Enqueue(next);
            }
        }
        ThrowIfUnreachable(graph, root, parent);
        var edges = new List<Edge>(graph.NodeCount - 1);
        for (var node = 0; node < graph.NodeCount; node++)
            if (node != root)
                edges.Add(new Edge(parent[node], node));
        return new Graph(graph.NodeCount, edges);
    }

    /// <summary>
    /// The breadth-first tree rooted at a centre of <paramref name="graph"/> (least eccentricity, smallest id on
    /// ties): its diameter is at most twice the graph's radius.
    /// </summary>
    /// <exception cref="ArgumentException">The graph is disconnected.</exception>
    public static Graph MinimumDiameter(Graph graph) => BreadthFirst(graph, Centre(graph));

    /// <summary>The node of least eccentricity, the smallest id on ties.</summary>
    /// <exception cref="ArgumentException">The graph is disconnected.</exception>
    public static int Centre(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var distances = graph.HopDistances(0);
        if (Array.IndexOf(distances, -1) >= 0)
            ThrowIfUnreachable(graph, 0, distances);
        var centre = 0;
        var best = int.MaxValue;
        for (var node = 0; node < graph.NodeCount; node++)
        {
            var eccentricity = graph.Eccentricity(node);
            if (eccentricity < best)
                (centre, best) = (node, eccentricity);
        }
        return centre;
    }

    private static void ThrowIfUnreachable(Graph graph, int root, int[] reached)
    {
        var unreachable = Enumerable.Range(0, graph.NodeCount).Where(node => reached[node] < 0).ToList();
        if (unreachable.Count > 0)
            throw new ArgumentException(
                $"The graph ({graph.NodeCount} nodes) is disconnected: from node {root} these nodes cannot be reached: {string.Join(", ", unreachable)}",
                nameof(graph));
    }
}
