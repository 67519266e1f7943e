using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Support;

/// <summary>RelaySum averaging nodes in double precision over one tree or several (lanes).</summary>
internal static class RelaySumNodes
{
    /// <summary>Worker i relays the fixed vector <paramref name="values"/>[i] over <paramref name="trees"/>.</summary>
    public static IWorkerNode<double>[] Create(IReadOnlyList<Graph> trees, IReadOnlyList<double[]> values)
    {
        var nodes = new IWorkerNode<double>[values.Count];
        for (var i = 0; i < nodes.Length; i++)
            nodes[i] = new RelaySumNode<double>(new RelayLanes<double>(trees, i, values[i].Length), values[i]);
        return nodes;
    }

    /// <summary>One scalar per worker over one tree.</summary>
    public static IWorkerNode<double>[] Create(Graph tree, IReadOnlyList<double> values) =>
        Create([tree], values.Select(v => new[] { v }).ToArray());

    /// <summary>n seeded integers in [0, 1000): their sums, and so the exact mean of any ball, are exact in double.</summary>
    public static double[] IntegerValues(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (double)random.Next(1000)).ToArray();
    }
}
