namespace RelayActors.Actors.Workers;

/// <summary>The names of <see cref="InitialValues"/>: the one place where a string becomes a value kind.</summary>
public static class InitialValuesNames
{
    public static IReadOnlyList<string> All { get; } = ["index", "one-hot", "random"];

    public static bool TryParse(string? name, out InitialValues values)
    {
        switch (name)
        {
            case "index": values = InitialValues.Index; return true;
            case "one-hot": values = InitialValues.OneHot; return true;
            case "random": values = InitialValues.Random; return true;
            default: values = default; return false;
        }
    }

    public static string Format(InitialValues values) => values switch
    {
        InitialValues.Index => "index",
        InitialValues.OneHot => "one-hot",
        InitialValues.Random => "random",
        _ => throw new ArgumentOutOfRangeException(nameof(values), values, "Unknown kind of initial values"),
    };
}
