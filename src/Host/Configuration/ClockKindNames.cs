using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Configuration;

/// <summary>The names of <see cref="ClockKind"/> on the command line: the one place where a string becomes a clock.</summary>
internal static class ClockKindNames
{
    public static IReadOnlyList<string> All { get; } = ["virtual", "real"];

    public static bool TryParse(string? name, out ClockKind clock)
    {
        switch (name)
        {
            case "virtual": clock = ClockKind.Virtual; return true;
            case "real": clock = ClockKind.Real; return true;
            default: clock = default; return false;
        }
    }

    public static string Format(ClockKind clock) => clock switch
    {
        ClockKind.Virtual => "virtual",
        ClockKind.Real => "real",
        _ => throw new ArgumentOutOfRangeException(nameof(clock), clock, "Unknown clock kind"),
    };
}
