using System.Globalization;
using System.Text.RegularExpressions;

namespace RelayActors.Runtime.Configuration;

/// <summary>Durations (<c>500ms</c>, <c>1.5 s</c>) and sizes (<c>64MiB</c>) as HOCON writes them.</summary>
internal static partial class ConfigUnits
{
    public const string DurationUnits = "ns, us, ms, s, m, min, h, d or their long forms";
    public const string SizeUnits = "B, K/Ki/KiB, kB, M/Mi/MiB, MB, G/Gi/GiB, GB, T/Ti/TiB, TB or their long forms";

    private static readonly Dictionary<string, decimal> TicksPerDurationUnit = Table(
        (0.01m, ["ns", "nano", "nanos", "nanosecond", "nanoseconds"]),
        (10m, ["us", "µs", "μs", "micro", "micros", "microsecond", "microseconds"]),
        (TimeSpan.TicksPerMillisecond, ["", "ms", "milli", "millis", "millisecond", "milliseconds"]),
        (TimeSpan.TicksPerSecond, ["s", "second", "seconds"]),
        (TimeSpan.TicksPerMinute, ["m", "min", "mins", "minute", "minutes"]),
        (TimeSpan.TicksPerHour, ["h", "hour", "hours"]),
        (TimeSpan.TicksPerDay, ["d", "day", "days"]));

    private static readonly Dictionary<string, decimal> BytesPerSizeUnit = Table(
        (1m, ["", "B", "b", "byte", "bytes"]),
        (1_000m, ["kB", "kilobyte", "kilobytes"]),
        (1_000_000m, ["MB", "megabyte", "megabytes"]),
        (1_000_000_000m, ["GB", "gigabyte", "gigabytes"]),
        (1_000_000_000_000m, ["TB", "terabyte", "terabytes"]),
        (1L << 10, ["K", "k", "Ki", "KiB", "kibibyte", "kibibytes"]),
        (1L << 20, ["M", "m", "Mi", "MiB", "mebibyte", "mebibytes"]),
        (1L << 30, ["G", "g", "Gi", "GiB", "gibibyte", "gibibytes"]),
        (1L << 40, ["T", "t", "Ti", "TiB", "tebibyte", "tebibytes"]));

    [GeneratedRegex(@"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([^\d\s]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    /// <summary>Parses a duration; a bare number is milliseconds. On failure <paramref name="problem"/> says why.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value, out string problem)
    {
        value = default;
        if (!TryScale(text, TicksPerDurationUnit, "duration", DurationUnits, out var ticks, out problem))
        {
            return false;
        }

        var rounded = decimal.Round(ticks, MidpointRounding.AwayFromZero);
        if (rounded < TimeSpan.MinValue.Ticks || rounded > TimeSpan.MaxValue.Ticks)
        {
            problem = "duration is out of range";
            return false;
        }

        value = TimeSpan.FromTicks((long)rounded);
        return true;
    }

    /// <summary>Parses a size in bytes; a bare number is bytes, fractions of a byte are cut off.</summary>
    public static bool TryParseBytes(string text, out long value, out string problem)
    {
        value = default;
        if (!TryScale(text, BytesPerSizeUnit, "size in bytes", SizeUnits, out var bytes, out problem))
        {
            return false;
        }

        var truncated = decimal.Truncate(bytes);
        if (truncated < long.MinValue || truncated > long.MaxValue)
        {
            problem = "size is out of range";
            return false;
        }

        value = (long)truncated;
        return true;
    }

    /// <summary>The shortest exact HOCON form: <c>2h</c>, <c>1500ms</c>, <c>100ns</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        (long Ticks, string Unit)[] units =
        [
            (TimeSpan.TicksPerDay, "d"), (TimeSpan.TicksPerHour, "h"), (TimeSpan.TicksPerMinute, "m"),
            (TimeSpan.TicksPerSecond, "s"), (TimeSpan.TicksPerMillisecond, "ms"), (10, "us"),
        ];
        foreach (var (ticks, unit) in units)
        {
            if (duration.Ticks % ticks == 0)
            {
                return (duration.Ticks / ticks).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return (duration.Ticks * 100).ToString(CultureInfo.InvariantCulture) + "ns";
    }

    private static bool TryScale(
        string text, Dictionary<string, decimal> units, string what, string allowed, out decimal result, out string problem)
    {
        result = default;
        problem = string.Empty;
        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success)
        {
            problem = $"expected a {what}: a number followed by an optional unit ({allowed})";
            return false;
        }

        var unit = match.Groups[2].Value;
        if (!units.TryGetValue(unit, out var factor))
        {
            problem = $"unknown unit '{unit}' in {what}; expected one of {allowed}";
            return false;
        }

        try
        {
            result = decimal.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture) * factor;
            return true;
        }
        catch (OverflowException)
        {
            problem = $"{what} is out of range";
            return false;
        }
    }

    private static Dictionary<string, decimal> Table(params (decimal Factor, string[] Names)[] rows) =>
        rows.SelectMany(row => row.Names.Select(name => (name, row.Factor)))
            .ToDictionary(pair => pair.name, pair => pair.Factor, StringComparer.Ordinal);
}
