using System.Text;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Distributed;

/// <summary>
/// A spanning tree for RelaySum across machines: the workers of one host form a connected subtree, and hosts are
/// joined by exactly hosts − 1 edges, so each relay message crosses the network on as few links as a tree allows.
/// </summary>
/// <remarks>
/// Inside a host the workers (ascending ids w₀ &lt; w₁ &lt; …) form <see cref="Topologies.BinaryTree"/> over the local
/// indices: w₀–w₁, then w_k–w_⌊k/2⌋. The host's gateway is its first worker w₀, a leaf of that subtree, so its degree
/// is at most 1 + 3. Hosts, in order of their first worker, form <see cref="Topologies.BinaryTree"/> too, each host
/// edge joining the two gateways. The diameter is therefore O(log hosts + log workers-per-host), and with one host
/// the tree is exactly <see cref="Topologies.BinaryTree"/> over 0..n−1.
/// </remarks>
public static class HostAwareTree
{
    /// <summary>The tree over <paramref name="placement"/>'s workers, grouped by host.</summary>
    public static Graph Build(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return Build(HostLabels(placement));
    }

    /// <summary>
    /// The tree over workers 0..n−1 where worker i runs on host <paramref name="hostOfWorker"/>[i] (ordinal labels).
    /// Hosts are ordered by their first worker; a host's workers need not be contiguous.
    /// </summary>
    public static Graph Build(IReadOnlyList<string> hostOfWorker)
    {
        ArgumentNullException.ThrowIfNull(hostOfWorker);
        if (hostOfWorker.Count == 0)
            throw new ArgumentException("A tree needs at least one worker", nameof(hostOfWorker));
        var groups = new List<List<int>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var worker = 0; worker < hostOfWorker.Count; worker++)
        {
            var host = hostOfWorker[worker] ?? throw new ArgumentException($"Worker {worker} has no host label", nameof(hostOfWorker));
            if (!index.TryGetValue(host, out var group))
            {
                group = groups.Count;
                index.Add(host, group);
                groups.Add([]);
            }
            groups[group].Add(worker);
        }
        var edges = new List<Edge>(hostOfWorker.Count - 1);
        foreach (var workers in groups)
            foreach (var edge in Topologies.BinaryTree(workers.Count).Edges)
                edges.Add(new Edge(workers[edge.A], workers[edge.B]));
        foreach (var edge in Topologies.BinaryTree(groups.Count).Edges)
            edges.Add(new Edge(groups[edge.A][0], groups[edge.B][0]));
        return new Graph(hostOfWorker.Count, edges);
    }

    /// <summary>The host-aware tree as the run's topology: RelaySum relays over it and gossip mixes over it.</summary>
    public static RelayTopology Topology(Placement placement)
    {
        var tree = Build(placement);
        return RelayTopology.WithSpanningTree(tree, tree);
    }

    /// <summary>Edges that join workers on different hosts.</summary>
    public static int InterHostEdges(Graph tree, Placement placement)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(placement);
        CheckSize(tree, placement);
        return tree.Edges.Count(e => placement.HostOf(e.A) != placement.HostOf(e.B));
    }

    /// <summary>
    /// A summary line, then one line per edge: <c>0-1  gpu01</c> inside a host, <c>0-2  gpu01 - gpu02  (inter-host)</c>
    /// across hosts.
    /// </summary>
    public static string Render(Graph tree, Placement placement)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(placement);
        CheckSize(tree, placement);
        var width = tree.Edges.Count == 0 ? 0 : tree.Edges.Max(e => e.ToString().Length);
        var text = new StringBuilder();
        var diameter = tree.IsConnected ? $", diameter {tree.Diameter}" : ", disconnected";
        text.Append($"{tree.NodeCount} workers on {placement.Hosts.Count} hosts: {tree.Edges.Count} edges, {InterHostEdges(tree, placement)} inter-host{diameter}\n");
        foreach (var edge in tree.Edges)
        {
            var (a, b) = (placement.HostOf(edge.A), placement.HostOf(edge.B));
            text.Append(edge.ToString().PadRight(width)).Append("  ")
                .Append(a == b ? a : $"{a} - {b}  (inter-host)").Append('\n');
        }
        return text.ToString();
    }

    private static string[] HostLabels(Placement placement)
    {
        var labels = new string[placement.Workers];
        for (var worker = 0; worker < labels.Length; worker++)
            labels[worker] = placement.HostOf(worker);
        return labels;
    }

    private static void CheckSize(Graph tree, Placement placement)
    {
        if (tree.NodeCount != placement.Workers)
            throw new ArgumentException($"The tree has {tree.NodeCount} nodes but the placement {placement.Workers} workers", nameof(tree));
    }
}
