using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Relay;

/// <summary>The names of <see cref="RelayFill"/> in configuration and on the command line.</summary>
public static class RelayFillNames
{
    private static readonly EnumNames<RelayFill> Names = new(
        ("initial-model", RelayFill.InitialModel),
        ("own-previous", RelayFill.OwnPrevious),
        ("zero", RelayFill.Zero));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out RelayFill fill) => Names.TryParse(name, out fill);

    public static string Format(RelayFill fill) => Names.Format(fill);
}
