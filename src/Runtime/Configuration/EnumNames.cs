namespace RelayActors.Runtime.Configuration;

/// <summary>
/// One table of user-facing names for an enum (command-line values, config values). Parsing, formatting and the
/// list of valid names all come from the table, so each name is written once.
/// </summary>
public sealed class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly (string Name, TEnum Value)[] _entries;

    /// <summary>Builds the table; names and values must each be unique.</summary>
    public EnumNames(params (string Name, TEnum Value)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Length; i++)
        {
            ArgumentException.ThrowIfNullOrEmpty(entries[i].Name, nameof(entries));
            for (var j = 0; j < i; j++)
            {
                if (entries[j].Name == entries[i].Name || EqualityComparer<TEnum>.Default.Equals(entries[j].Value, entries[i].Value))
                    throw new ArgumentException($"{typeof(TEnum).Name} names: '{entries[i].Name}' = {entries[i].Value} repeats the name or the value of '{entries[j].Name}' = {entries[j].Value}", nameof(entries));
            }
        }
        _entries = entries;
        All = Array.ConvertAll(entries, e => e.Name);
    }

    /// <summary>Every valid name, in table order.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>Parses an exact name (case-sensitive).</summary>
    public bool TryParse(string? name, out TEnum value)
    {
        foreach (var (entryName, entryValue) in _entries)
        {
            if (entryName == name)
            {
                value = entryValue;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The name of <paramref name="value"/>; throws for a value the table does not name.</summary>
    public string Format(TEnum value)
    {
        foreach (var (entryName, entryValue) in _entries)
            if (EqualityComparer<TEnum>.Default.Equals(entryValue, value))
                return entryName;
        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} {value} has no name (known: {string.Join(", ", All)})");
    }
}
