namespace RelayActors.Actors.Topology;

/// <summary>The kebab-case names of <see cref="TopologyKind"/>: the one place where a string becomes a topology kind.</summary>
public static class TopologyKindNames
{
    /// <summary>Every valid name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = ["chain", "ring", "star", "binary-tree", "fully-connected", "hypercube", "social-network", "reversed-binary-tree", "ternary-tree", "torus"];

    /// <summary>Parses an exact (lower-case) kebab-case name.</summary>
    public static bool TryParse(string? name, out TopologyKind kind)
    {
        switch (name)
        {
            case "chain": kind = TopologyKind.Chain; return true;
            case "ring": kind = TopologyKind.Ring; return true;
            case "star": kind = TopologyKind.Star; return true;
            case "binary-tree": kind = TopologyKind.BinaryTree; return true;
            case "fully-connected": kind = TopologyKind.FullyConnected; return true;
            case "hypercube": kind = TopologyKind.Hypercube; return true;
            case "social-network": kind = TopologyKind.SocialNetwork; return true;
            case "reversed-binary-tree": kind = TopologyKind.ReversedBinaryTree; return true;
            case "ternary-tree": kind = TopologyKind.TernaryTree; return true;
            case "torus": kind = TopologyKind.Torus; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>Parses <paramref name="name"/> or throws <see cref="ArgumentException"/> listing the valid names.</summary>
    public static TopologyKind Parse(string? name) =>
        TryParse(name, out var kind)
            ? kind
            : throw new ArgumentException($"Unknown topology '{name}'; valid topologies: {string.Join(", ", All)}", nameof(name));

    /// <summary>The kebab-case name of <paramref name="kind"/>.</summary>
    public static string Format(TopologyKind kind) => kind switch
    {
        TopologyKind.Chain => "chain",
        TopologyKind.Ring => "ring",
        TopologyKind.Star => "star",
        TopologyKind.BinaryTree => "binary-tree",
        TopologyKind.FullyConnected => "fully-connected",
        TopologyKind.Hypercube => "hypercube",
        TopologyKind.SocialNetwork => "social-network",
        TopologyKind.ReversedBinaryTree => "reversed-binary-tree",
        TopologyKind.TernaryTree => "ternary-tree",
        TopologyKind.Torus => "torus",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown topology kind"),
    };
}
