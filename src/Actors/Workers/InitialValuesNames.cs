using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Workers;

/// <summary>The names of <see cref="InitialValues"/>: the one place where a string becomes a value kind.</summary>
public static class InitialValuesNames
{
    private static readonly EnumNames<InitialValues> Names = new(
        ("index", InitialValues.Index),
        ("one-hot", InitialValues.OneHot),
        ("random", InitialValues.Random));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out InitialValues values) => Names.TryParse(name, out values);

    public static string Format(InitialValues values) => Names.Format(values);
}
