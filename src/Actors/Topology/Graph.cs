using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Topology;

/// <summary>
/// An undirected, simple communication graph on nodes 0..n−1 (spec §3). Immutable; neighbour lists are sorted,
/// so every consumer iterates neighbours in the same order (which keeps floating-point sums reproducible).
/// </summary>
public sealed class Graph
{
    private const int NotComputed = -2;
    private const int Disconnected = -1;

    private readonly int[][] _neighbours;
    private readonly Edge[] _edges;
    private int _diameter = NotComputed;

    /// <summary>Builds a graph; rejects out-of-range nodes, self-loops and repeated edges.</summary>
    public Graph(int nodeCount, IEnumerable<Edge> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        var seen = new HashSet<Edge>();
        var adjacency = new List<int>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
            adjacency[i] = [];
        foreach (var edge in edges)
        {
            if (edge.A < 0 || edge.B >= nodeCount)
                throw new ArgumentException($"Edge {edge} names a node outside 0..{nodeCount - 1}", nameof(edges));
            if (!seen.Add(edge))
                throw new ArgumentException($"Edge {edge} appears twice", nameof(edges));
            adjacency[edge.A].Add(edge.B);
            adjacency[edge.B].Add(edge.A);
        }
        _edges = [.. seen.OrderBy(e => e.A).ThenBy(e => e.B)];
        _neighbours = new int[nodeCount][];
        for (var i = 0; i < nodeCount; i++)
        {
            adjacency[i].Sort();
            _neighbours[i] = [.. adjacency[i]];
        }
        NodeCount = nodeCount;
    }

    public int NodeCount { get; }

    /// <summary>Edges sorted by (A, B).</summary>
    public IReadOnlyList<Edge> Edges => _edges;

    /// <summary>True when every node can reach every other.</summary>
    public bool IsConnected => ComputeDiameter() != Disconnected;

    /// <summary>Connected and acyclic (n − 1 edges): the graphs RelaySum is defined on.</summary>
    public bool IsTree => _edges.Length == NodeCount - 1 && IsConnected;

    /// <summary>Longest shortest path, in hops. Throws on a disconnected graph.</summary>
    public int Diameter
    {
        get
        {
            var diameter = ComputeDiameter();
            return diameter != Disconnected
                ? diameter
                : throw new InvalidOperationException($"The graph ({NodeCount} nodes, {_edges.Length} edges) is disconnected; its diameter is undefined");
        }
    }

    /// <summary>Neighbours of <paramref name="node"/>, ascending.</summary>
    public ReadOnlySpan<int> Neighbours(int node) => _neighbours[CheckNode(node)];

    public int Degree(int node) => _neighbours[CheckNode(node)].Length;

    /// <summary>Hop distance from <paramref name="source"/> to every node (breadth-first search); −1 where unreachable.</summary>
    public int[] HopDistances(int source)
    {
        CheckNode(source);
        var distance = new int[NodeCount];
        Array.Fill(distance, -1);
        var queue = new Queue<int>();
        distance[source] = 0;
        queue.Enqueue(source);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in _neighbours[node])
            {
                if (distance[next] >= 0)
                    continue;
                distance[next] = distance[node] + 1;
                queue.Enqueue(next);
            }
        }
        return distance;
    }

    /// <summary>Largest hop distance from <paramref name="node"/>; the number of RelaySum rounds until its count reaches n is this minus one.</summary>
    public int Eccentricity(int node)
    {
        var max = 0;
        foreach (var d in HopDistances(node))
        {
            if (d < 0)
                throw new InvalidOperationException($"Node {node} cannot reach every node; its eccentricity is undefined");
            max = Math.Max(max, d);
        }
        return max;
    }

    /// <summary>Metropolis–Hastings weight of edge i–j (spec §2): 1 / (max(deg_i, deg_j) + 1); zero for non-neighbours.</summary>
    public double MetropolisHastingsWeight(int i, int j)
    {
        CheckNode(j);
        if (i == j)
            return MetropolisHastingsSelfWeight(i);
        return Array.BinarySearch(_neighbours[CheckNode(i)], j) >= 0
            ? 1.0 / (Math.Max(Degree(i), Degree(j)) + 1)
            : 0.0;
    }

    /// <summary>W_ii = 1 − Σ_j W_ij, so every row sums to one.</summary>
    public double MetropolisHastingsSelfWeight(int i)
    {
        var sum = 0.0;
        foreach (var j in _neighbours[CheckNode(i)])
            sum += 1.0 / (Math.Max(Degree(i), Degree(j)) + 1);
        return 1.0 - sum;
    }

    /// <summary>The dense Metropolis–Hastings gossip matrix W (symmetric and doubly stochastic).</summary>
    public double[][] MetropolisHastingsWeights()
    {
        var w = new double[NodeCount][];
        for (var i = 0; i < NodeCount; i++)
        {
            w[i] = new double[NodeCount];
            w[i][i] = MetropolisHastingsSelfWeight(i);
            foreach (var j in _neighbours[i])
                w[i][j] = MetropolisHastingsWeight(i, j);
        }
        return w;
    }

    /// <summary>
    /// 1 − max(|λ₂|, |λ_n|) of the Metropolis–Hastings gossip matrix: how much one gossip round shrinks the
    /// distance to the mean, in the worst case (zero on a disconnected graph; one for a single node). Dense Jacobi,
    /// O(n³) per sweep: for analysis, not hot paths.
    /// </summary>
    public double SpectralGap
    {
        get
        {
            if (NodeCount == 1)
                return 1.0;
            var eigenvalues = SymmetricEigenvalues.Compute(MetropolisHastingsWeights());
            return 1.0 - Math.Max(Math.Abs(eigenvalues[1]), Math.Abs(eigenvalues[^1]));
        }
    }

    public override string ToString() => $"Graph({NodeCount} nodes, {_edges.Length} edges)";

    private int CheckNode(int node)
    {
        if ((uint)node >= (uint)NodeCount)
            throw new ArgumentOutOfRangeException(nameof(node), node, $"Node must be in 0..{NodeCount - 1}");
        return node;
    }

    // All-pairs BFS is O(n·(n + m)); computed once on first use, a benign race recomputes the same value.
    private int ComputeDiameter()
    {
        var cached = Volatile.Read(ref _diameter);
        if (cached != NotComputed)
            return cached;
        var diameter = 0;
        for (var i = 0; i < NodeCount && diameter != Disconnected; i++)
        {
            foreach (var d in HopDistances(i))
            {
                if (d < 0)
                {
                    diameter = Disconnected;
                    break;
                }
                diameter = Math.Max(diameter, d);
            }
        }
        Volatile.Write(ref _diameter, diameter);
        return diameter;
    }
}
