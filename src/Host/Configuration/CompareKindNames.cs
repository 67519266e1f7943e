using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Configuration;

/// <summary>The configuration names of <see cref="CompareKind"/>.</summary>
internal static class CompareKindNames
{
    public static EnumNames<CompareKind> Names { get; } = new(
        ("training", CompareKind.Training),
        ("quadratics", CompareKind.Quadratics));
}
