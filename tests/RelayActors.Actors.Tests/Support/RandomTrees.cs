using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Support;

/// <summary>Seeded uniformly random labelled trees, from random Prüfer sequences.</summary>
internal static class RandomTrees
{
    /// <summary>
    /// The tree of a Prüfer sequence of n − 2 labels drawn from <c>new Random(seed)</c>: every labelled tree on
    /// <paramref name="nodes"/> nodes is equally likely, so shapes range from paths to stars.
    /// </summary>
    public static Graph Prufer(int nodes, int seed)
    {
        if (nodes <= 2)
            return Topologies.Chain(nodes);
        var random = new Random(seed);
        var sequence = new int[nodes - 2];
        for (var k = 0; k < sequence.Length; k++)
            sequence[k] = random.Next(nodes);
        var degree = new int[nodes];
        Array.Fill(degree, 1);
        foreach (var label in sequence)
            degree[label]++;
        var leaves = new PriorityQueue<int, int>();
        for (var node = 0; node < nodes; node++)
            if (degree[node] == 1)
                leaves.Enqueue(node, node);
        var edges = new List<Edge>(nodes - 1);
        foreach (var label in sequence)
        {
            var leaf = leaves.Dequeue();
            edges.Add(new Edge(leaf, label));
            if (--degree[label] == 1)
                leaves.Enqueue(label, label);
        }
        edges.Add(new Edge(leaves.Dequeue(), leaves.Dequeue()));
        return new Graph(nodes, edges);
    }
}
