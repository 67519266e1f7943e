namespace RelayActors.Actors.Topology;

/// <summary>The kebab-case names of <see cref="SpanningTreeKind"/>: the one place where a string becomes a spanning-tree kind.</summary>
public static class SpanningTreeKindNames
{
    /// <summary>Every valid name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = ["none", "bfs", "min-diameter"];

    /// <summary>Parses an exact (lower-case) kebab-case name.</summary>
    public static bool TryParse(string? name, out SpanningTreeKind kind)
    {
        switch (name)
        {
            case "none": kind = SpanningTreeKind.None; return true;
            case "bfs": kind = SpanningTreeKind.BreadthFirst; return true;
            case "min-diameter": kind = SpanningTreeKind.MinimumDiameter; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>The kebab-case name of <paramref name="kind"/>.</summary>
    public static string Format(SpanningTreeKind kind) => kind switch
    {
        SpanningTreeKind.None => "none",
        SpanningTreeKind.BreadthFirst => "bfs",
        SpanningTreeKind.MinimumDiameter => "min-diameter",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown spanning-tree kind"),
    };
}
