using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Topology;

/// <summary>The kebab-case names of <see cref="SpanningTreeKind"/>: the one place where a string becomes a spanning-tree kind.</summary>
public static class SpanningTreeKindNames
{
    private static readonly EnumNames<SpanningTreeKind> Names = new(
        ("none", SpanningTreeKind.None),
        ("bfs", SpanningTreeKind.BreadthFirst),
        ("min-diameter", SpanningTreeKind.MinimumDiameter));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out SpanningTreeKind kind) => Names.TryParse(name, out kind);

    public static string Format(SpanningTreeKind kind) => Names.Format(kind);
}
