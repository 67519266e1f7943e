using System.Globalization;

namespace RelayActors.Actors.Topology;

/// <summary>
/// Seeded random graphs, redrawn until connected. All draws come from one <see cref="Random"/> seeded with the
/// given seed, so a seed always gives the same graph.
/// </summary>
public static class RandomGraphs
{
    /// <summary>How many draws are tried before giving up on a connected graph.</summary>
    public const int DefaultMaxAttempts = 100;

    /// <summary>
    /// Erdős–Rényi G(n, p): every pair i &lt; j is an edge with probability <paramref name="probability"/>, pairs
    /// drawn in (i, j) order; the first connected draw of up to <paramref name="maxAttempts"/> is returned.
    /// </summary>
    /// <exception cref="InvalidOperationException">No draw was connected.</exception>
    public static Graph ErdosRenyi(int nodes, double probability, int seed, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        if (!(probability is >= 0.0 and <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The edge probability must be in [0, 1]");
        return FirstConnected(maxAttempts, string.Create(CultureInfo.InvariantCulture, $"G({nodes}, {probability}) with seed {seed}"), seed, random =>
        {
            var edges = new List<Edge>();
            for (var i = 0; i < nodes; i++)
                for (var j = i + 1; j < nodes; j++)
                    if (random.NextDouble() < probability)
                        edges.Add(new Edge(i, j));
            return new Graph(nodes, edges);
        });
    }

    /// <summary>
    /// Random geometric graph: n points uniform in the unit square (x then y per node), joined when their Euclidean
    /// distance is at most <paramref name="radius"/>; the first connected draw of up to <paramref name="maxAttempts"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No draw was connected.</exception>
    public static Graph Geometric(int nodes, double radius, int seed, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        if (!(radius >= 0.0) || double.IsInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be a finite non-negative number");
        return FirstConnected(maxAttempts, string.Create(CultureInfo.InvariantCulture, $"random geometric graph ({nodes} nodes, radius {radius}) with seed {seed}"), seed, random =>
        {
            var x = new double[nodes];
            var y = new double[nodes];
            for (var i = 0; i < nodes; i++)
                (x[i], y[i]) = (random.NextDouble(), random.NextDouble());
            var edges = new List<Edge>();
            for (var i = 0; i < nodes; i++)
                for (var j = i + 1; j < nodes; j++)
                    if (Math.Sqrt(((x[i] - x[j]) * (x[i] - x[j])) + ((y[i] - y[j]) * (y[i] - y[j]))) <= radius)
                        edges.Add(new Edge(i, j));
            return new Graph(nodes, edges);
        });
    }

    // One Random for all attempts: attempt k continues the seeded stream, so the result depends only on the seed.
    private static Graph FirstConnected(int maxAttempts, string description, int seed, Func<Random, Graph> draw)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        var random = new Random(seed);
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            var graph = draw(random);
            if (graph.IsConnected)
                return graph;
        }
        throw new InvalidOperationException(
            $"No connected {description} in {maxAttempts} draws; raise the edge probability or radius, or maxAttempts");
    }
}
