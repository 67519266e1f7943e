namespace RelayActors.Actors.Topology;

/// <summary>
/// Two spanning trees over the same workers, each carrying half of the parameters (spec §3, "double-binary-trees",
/// NCCL-style bandwidth balancing): even parameter indices travel on <see cref="First"/> (tree 0), odd ones on
/// <see cref="Second"/> (tree 1), as the reference code's <c>tensor[i::2]</c>.
/// </summary>
public sealed record TreePair(Graph First, Graph Second)
{
    /// <summary>Tree <paramref name="tree"/> (0 = <see cref="First"/>, 1 = <see cref="Second"/>).</summary>
    public Graph this[int tree] => CheckTree(tree) == 0 ? First : Second;

    /// <summary>How many of <paramref name="dimension"/> parameters tree <paramref name="tree"/> carries: ⌈d/2⌉ for tree 0, ⌊d/2⌋ for tree 1.</summary>
    public static int CountFor(int tree, int dimension) => LaneSplit.CountFor(tree, 2, dimension);

    /// <summary>Copies the parameters of tree <paramref name="tree"/> (indices ≡ tree mod 2) from <paramref name="full"/> into <paramref name="part"/>; allocates nothing.</summary>
    public static void Gather(ReadOnlySpan<float> full, int tree, Span<float> part) => LaneSplit.Gather(full, tree, 2, part);

    /// <summary>Writes <paramref name="part"/> back to the indices of tree <paramref name="tree"/> in <paramref name="full"/>, leaving the other tree's indices untouched; allocates nothing.</summary>
    public static void Scatter(ReadOnlySpan<float> part, int tree, Span<float> full) => LaneSplit.Scatter(part, tree, 2, full);

    /// <summary>Both trees, in lane order.</summary>
    public IReadOnlyList<Graph> AsList() => [First, Second];

    /// <summary>The graph of every edge of either tree (each edge once).</summary>
    public Graph Union() => new(First.NodeCount, First.Edges.Union(Second.Edges));

    private static int CheckTree(int tree) =>
        tree is 0 or 1 ? tree : throw new ArgumentOutOfRangeException(nameof(tree), tree, "A tree pair has trees 0 and 1");
}
