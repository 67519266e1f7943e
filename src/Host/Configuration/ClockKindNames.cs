using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Configuration;

/// <summary>The names of <see cref="ClockKind"/> on the command line: the one place where a string becomes a clock.</summary>
internal static class ClockKindNames
{
    private static readonly EnumNames<ClockKind> Names = new(
        ("virtual", ClockKind.Virtual),
        ("real", ClockKind.Real));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out ClockKind clock) => Names.TryParse(name, out clock);

    public static string Format(ClockKind clock) => Names.Format(clock);
}
