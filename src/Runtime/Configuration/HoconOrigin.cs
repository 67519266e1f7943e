using System.Globalization;

namespace RelayActors.Runtime.Configuration;

/// <summary>Where a value was written: source name and 1-based line (0 when the source has no lines).</summary>
internal readonly record struct HoconOrigin(string Name, int Line)
{
    public override string ToString() =>
        Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Name}:{Line}") : Name;
}
