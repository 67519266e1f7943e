using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Topology;

/// <summary>The kebab-case names of <see cref="TopologyKind"/>: the one place where a string becomes a topology kind.</summary>
public static class TopologyKindNames
{
    private static readonly EnumNames<TopologyKind> Names = new(
        ("chain", TopologyKind.Chain),
        ("ring", TopologyKind.Ring),
        ("star", TopologyKind.Star),
        ("binary-tree", TopologyKind.BinaryTree),
        ("fully-connected", TopologyKind.FullyConnected),
        ("hypercube", TopologyKind.Hypercube),
        ("social-network", TopologyKind.SocialNetwork),
        ("reversed-binary-tree", TopologyKind.ReversedBinaryTree),
        ("ternary-tree", TopologyKind.TernaryTree),
        ("torus", TopologyKind.Torus),
        ("double-binary-trees", TopologyKind.DoubleBinaryTrees),
        ("exponential", TopologyKind.Exponential));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out TopologyKind kind) => Names.TryParse(name, out kind);

    /// <summary>Parses <paramref name="name"/> or throws <see cref="ArgumentException"/> listing the valid names.</summary>
    public static TopologyKind Parse(string? name) =>
        TryParse(name, out var kind)
            ? kind
            : throw new ArgumentException($"Unknown topology '{name}'; valid topologies: {string.Join(", ", All)}", nameof(name));

    public static string Format(TopologyKind kind) => Names.Format(kind);
}
