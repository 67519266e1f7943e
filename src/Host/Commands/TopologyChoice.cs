using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;

namespace RelayActors.Host.Commands;

/// <summary>
/// Turns a topology kind, a worker count and a spanning-tree choice into the graph a run uses, with the one-line
/// description of the spanning tree for the report, or an error message for a size the kind does not take.
/// </summary>
internal static class TopologyChoice
{
    /// <summary>
    /// The topology <paramref name="algorithm"/> runs on, whatever the experiment's topology: all-reduce talks to every
    /// worker, SGP along the time-varying exponential graph; the others use the configured one.
    /// </summary>
    public static TopologyKind KindFor(Algorithm algorithm, TopologyKind configured) => algorithm switch
    {
        Algorithm.AllReduce => TopologyKind.FullyConnected,
        Algorithm.Sgp => TopologyKind.Exponential,
        _ => configured,
    };

    /// <summary>
    /// Checks the size and the root (null when none was asked for); returns an error message, in the words of the
    /// command's flags, or null.
    /// </summary>
    public static string? Validate(TopologyKind kind, int workers, SpanningTreeKind spanningTree, int? root)
    {
        if (!Topologies.Accepts(kind, workers))
            return $"A {TopologyKindNames.Format(kind)} needs {Topologies.SizeRequirement(kind)} workers; got --workers {workers}.";
        if (root is not { } r)
            return null;
        if (spanningTree != SpanningTreeKind.BreadthFirst)
            return $"--root {r} only applies to --spanning-tree bfs; got --spanning-tree {SpanningTreeKindNames.Format(spanningTree)}.";
        return r < workers ? null : $"--root {r} is not a worker: with --workers {workers} the root must be in 0..{workers - 1}.";
    }

    /// <summary>The run's topology; with a spanning tree, <paramref name="description"/> says which.</summary>
    public static RelayTopology Build(TopologyKind kind, int workers, SpanningTreeKind spanningTree, int root, out string? description)
    {
        var topology = RelayTopology.Create(kind, workers);
        description = null;
        if (spanningTree == SpanningTreeKind.None)
            return topology;
        var graph = topology.Graph;
        var tree = spanningTree switch
        {
            SpanningTreeKind.BreadthFirst => SpanningTrees.BreadthFirst(graph, root),
            SpanningTreeKind.MinimumDiameter => SpanningTrees.MinimumDiameter(graph),
            _ => throw new ArgumentOutOfRangeException(nameof(spanningTree), spanningTree, "Unknown spanning tree"),
        };
        var how = spanningTree == SpanningTreeKind.BreadthFirst ? $"bfs from root {root}" : $"min-diameter (bfs from centre {SpanningTrees.Centre(graph)})";
        description = $"spanning tree: {how} of {TopologyKindNames.Format(kind)} ({graph.NodeCount} nodes, {graph.Edges.Count} edges): {tree.Edges.Count} edges, diameter {tree.Diameter}";
        return RelayTopology.WithSpanningTree(graph, tree);
    }
}
