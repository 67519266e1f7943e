namespace RelayActors.Runtime.Configuration;

/// <summary>An unresolved <c>${path}</c> or <c>${?path}</c>; the path is absolute from the document root.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(IReadOnlyList<string> path, bool optional, HoconOrigin origin, HoconValue? fallback = null)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        Fallback = fallback;
    }

    public IReadOnlyList<string> Path { get; }

    public bool Optional { get; }

    /// <summary>The value this optional substitution overrode; it stands when the substitution names nothing.</summary>
    public HoconValue? Fallback { get; }

    /// <summary><paramref name="winner"/> set over <paramref name="earlier"/>: an optional substitution keeps the earlier value.</summary>
    public static HoconValue Override(HoconValue winner, HoconValue earlier) =>
        winner is HoconSubstitution { Optional: true, Fallback: null } substitution
            ? new HoconSubstitution(substitution.Path, optional: true, substitution.Origin, earlier)
            : winner;

    public override string ToString() => (Optional ? "${?" : "${") + ConfigPath.Render(Path) + "}";
}
