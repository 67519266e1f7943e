namespace RelayActors.Actors.Topology;

/// <summary>An undirected edge, stored with <see cref="A"/> &lt; <see cref="B"/>.</summary>
public readonly record struct Edge
{
    public Edge(int a, int b)
    {
        if (a == b)
            throw new ArgumentException($"Self-loop {a}-{b} is not an edge", nameof(b));
        (A, B) = a < b ? (a, b) : (b, a);
    }

    public int A { get; }

    public int B { get; }

    public override string ToString() => $"{A}-{B}";
}
