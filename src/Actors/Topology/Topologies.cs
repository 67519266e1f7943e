namespace RelayActors.Actors.Topology;

/// <summary>Builders for the graphs of spec §3 (a port of the reference code's <c>topologies.py</c>).</summary>
public static class Topologies
{
    /// <summary>Builds the graph of <paramref name="kind"/> on <paramref name="nodes"/> nodes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind cannot take <paramref name="nodes"/> (see <see cref="Accepts"/>); the message names the valid sizes.</exception>
    public static Graph Create(TopologyKind kind, int nodes) => kind switch
    {
        TopologyKind.Chain => Chain(nodes),
        TopologyKind.Ring => Ring(nodes),
        TopologyKind.Star => Star(nodes),
        TopologyKind.BinaryTree => BinaryTree(nodes),
        TopologyKind.FullyConnected => FullyConnected(nodes),
        TopologyKind.Hypercube => Hypercube(nodes),
        TopologyKind.SocialNetwork => SocialNetworkOf(nodes),
        TopologyKind.ReversedBinaryTree => ReversedBinaryTree(nodes),
        TopologyKind.TernaryTree => Tree(nodes, 3),
        TopologyKind.Torus => Torus(nodes),
        TopologyKind.DoubleBinaryTrees => DoubleBinaryTrees(nodes).Union(),
        TopologyKind.Exponential => Exponential(nodes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown topology kind"),
    };

    /// <summary>The fewest nodes <see cref="Create"/> accepts for <paramref name="kind"/> (a ring needs 3).</summary>
    public static int MinimumNodes(TopologyKind kind) => kind switch
    {
        TopologyKind.Ring => 3,
        TopologyKind.Exponential => 2,
        TopologyKind.SocialNetwork => DavisSouthernWomen.NodeCount,
        _ => 1,
    };

    /// <summary>
    /// True when <see cref="Create"/> accepts <paramref name="nodes"/> for <paramref name="kind"/>: at least
    /// <see cref="MinimumNodes"/>, a power of two for a hypercube, exactly 32 for the social network.
    /// </summary>
    public static bool Accepts(TopologyKind kind, int nodes) => kind switch
    {
        TopologyKind.Hypercube => IsPowerOfTwo(nodes),
        TopologyKind.SocialNetwork => nodes == DavisSouthernWomen.NodeCount,
        _ => nodes >= MinimumNodes(kind),
    };

    /// <summary>The sizes <see cref="Accepts"/> allows, in words, for error messages (e.g. <c>at least 3</c>).</summary>
    public static string SizeRequirement(TopologyKind kind) => kind switch
    {
        TopologyKind.Hypercube => "a power of two (1, 2, 4, 8, 16, ...)",
        TopologyKind.SocialNetwork => $"exactly {DavisSouthernWomen.NodeCount}",
        _ => $"at least {MinimumNodes(kind)}",
    };

    /// <summary>True for the kinds whose graphs are trees for every size (the ones RelaySum runs on directly).</summary>
    public static bool IsTreeKind(TopologyKind kind) =>
        kind is TopologyKind.Chain or TopologyKind.Star or TopologyKind.BinaryTree or TopologyKind.ReversedBinaryTree or TopologyKind.TernaryTree;

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

    /// <summary>
    /// <c>BinaryTreeTopology(n, reverse=True)</c> of the reference code: <see cref="BinaryTree"/> relabelled
    /// w → n − 1 − w, so the internal nodes of one tree are leaves of the other (the double binary trees).
    /// </summary>
    public static Graph ReversedBinaryTree(int nodes)
    {
        var tree = BinaryTree(nodes);
        return new Graph(nodes, tree.Edges.Select(e => new Edge(nodes - 1 - e.A, nodes - 1 - e.B)));
    }

    /// <summary>
    /// Spec §3's "double-binary-trees": (<see cref="BinaryTree"/>, <see cref="ReversedBinaryTree"/>). For even n no
    /// node is internal in both, so the relaying load of the two parameter halves falls on different workers; for odd n
    /// the middle node (n − 1)/2 is internal in both.
    /// </summary>
    public static TreePair DoubleBinaryTrees(int nodes) => new(BinaryTree(nodes), ReversedBinaryTree(nodes));

    /// <summary>
    /// A tree of maximum degree <paramref name="degree"/>, filled breadth-first: node 0 has <paramref name="degree"/>
    /// children, every later node <paramref name="degree"/> − 1, taken in id order (parent(w) = 0 for w ≤ k,
    /// otherwise 1 + ⌊(w − k − 1)/(k − 1)⌋). <c>Tree(n, 3)</c> is spec §3's "3-tree".
    /// </summary>
    public static Graph Tree(int nodes, int degree)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        if (degree < 2)
            throw new ArgumentOutOfRangeException(nameof(degree), degree, $"A tree's maximum degree must be at least 2; got {degree}");
        var edges = new List<Edge>(nodes - 1);
        for (var w = 1; w < nodes; w++)
            edges.Add(new Edge(w <= degree ? 0 : 1 + ((w - degree - 1) / (degree - 1)), w));
        return new Graph(nodes, edges);
    }

    /// <summary>
    /// Every edge SGP's time-varying exponential graph uses: i ~ (i + 2^k) mod n for 2^k &lt; n (the shifts of
    /// <see cref="ExponentialSchedule"/>); at least 2 nodes. No round uses all of them: each is one peer per worker.
    /// </summary>
    public static Graph Exponential(int nodes)
    {
        var schedule = new ExponentialSchedule(nodes);
        var edges = new HashSet<Edge>();
        for (var round = 0; round < schedule.Period; round++)
            for (var i = 0; i < nodes; i++)
                edges.Add(new Edge(i, schedule.SendTo(i, round)));
        return new Graph(nodes, edges);
    }

    /// <summary>n = 2^d nodes, i ~ i xor 2^b for every bit b &lt; d: diameter d, every degree d.</summary>
    public static Graph Hypercube(int nodes)
    {
        if (!IsPowerOfTwo(nodes))
            throw new ArgumentOutOfRangeException(nameof(nodes), nodes, $"A hypercube needs a power of two nodes (1, 2, 4, 8, 16, …); got {nodes}");
        var edges = new List<Edge>();
        for (var i = 0; i < nodes; i++)
            for (var bit = 1; bit < nodes; bit <<= 1)
                if ((i & bit) == 0)
                    edges.Add(new Edge(i, i | bit));
        return new Graph(nodes, edges);
    }

    /// <summary>
    /// A <paramref name="rows"/> × <paramref name="cols"/> grid with wraparound; node r·cols + c is joined to its
    /// four neighbours (r ± 1, c) and (r, c ± 1) modulo the sides. A side of 2 gives one edge per pair, not two; a side
    /// of 1 gives none. Diameter ⌊rows/2⌋ + ⌊cols/2⌋.
    /// </summary>
    public static Graph Torus(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        var edges = new HashSet<Edge>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var node = (r * cols) + c;
                var right = (r * cols) + ((c + 1) % cols);
                var down = (((r + 1) % rows) * cols) + c;
                if (right != node)
                    edges.Add(new Edge(node, right));
                if (down != node)
                    edges.Add(new Edge(node, down));
            }
        }
        return new Graph(rows * cols, edges);
    }

    /// <summary>The squarest torus on <paramref name="nodes"/> nodes: rows = the largest divisor of n not above √n.</summary>
    public static Graph Torus(int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        var rows = 1;
        for (var d = 1; d * d <= nodes; d++)
            if (nodes % d == 0)
                rows = d;
        return Torus(rows, nodes / rows);
    }

    /// <summary>
    /// Spec §3's "social-network": networkx's Davis Southern Women graph, bipartite with 89 edges. Nodes 0..17 are the
    /// 18 women in networkx's order (Evelyn Jefferson first), nodes 18..31 the events E1..E14.
    /// </summary>
    public static Graph SocialNetwork() => new(DavisSouthernWomen.NodeCount, DavisSouthernWomen.Edges());

    private static Graph SocialNetworkOf(int nodes) =>
        nodes == DavisSouthernWomen.NodeCount
            ? SocialNetwork()
            : throw new ArgumentOutOfRangeException(nameof(nodes), nodes, $"The social network (Davis Southern Women) has exactly {DavisSouthernWomen.NodeCount} nodes; got {nodes}");

    private static bool IsPowerOfTwo(int nodes) => nodes > 0 && (nodes & (nodes - 1)) == 0;
}
