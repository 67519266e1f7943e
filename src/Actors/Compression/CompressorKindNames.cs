using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Compression;

/// <summary>The names of <see cref="CompressorKind"/> in configuration.</summary>
public static class CompressorKindNames
{
    private static readonly EnumNames<CompressorKind> Names = new(
        ("identity", CompressorKind.Identity),
        ("top-k", CompressorKind.TopK),
        ("random-k", CompressorKind.RandomK),
        ("sign", CompressorKind.ScaledSign),
        ("qsgd", CompressorKind.Qsgd));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out CompressorKind kind) => Names.TryParse(name, out kind);

    public static string Format(CompressorKind kind) => Names.Format(kind);
}
