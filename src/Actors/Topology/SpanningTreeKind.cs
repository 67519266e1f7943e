namespace RelayActors.Actors.Topology;

/// <summary>How RelaySum gets a tree from a topology (spec §3). Names on the command line: <see cref="SpanningTreeKindNames"/>.</summary>
public enum SpanningTreeKind
{
    /// <summary>Use the topology itself; it must already be a tree.</summary>
    None,

    /// <summary><see cref="SpanningTrees.BreadthFirst"/> from a chosen root: spec §3's "social-network-tree(root)".</summary>
    BreadthFirst,

    /// <summary><see cref="SpanningTrees.MinimumDiameter"/>: the breadth-first tree from a centre of the graph.</summary>
    MinimumDiameter,
}
