using System.Globalization;

namespace RelayActors.Host.Configuration;

/// <summary>Durations with units, as config and flags write them (C9): <c>5ms</c>, <c>250us</c>, <c>1.5s</c>, <c>2min</c>.</summary>
internal static class DurationParser
{
    /// <summary>The accepted units, for error messages.</summary>
    public const string Units = "us, ms, s, min";

    /// <summary>Parses a non-negative number followed directly by a unit; false for anything else (no unit, negative, unknown unit).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1]))
            unitStart--;
        var ticksPerUnit = text[unitStart..] switch
        {
            "us" => TimeSpan.TicksPerMicrosecond,
            "ms" => TimeSpan.TicksPerMillisecond,
            "s" => TimeSpan.TicksPerSecond,
            "min" => TimeSpan.TicksPerMinute,
            _ => 0L,
        };
        if (ticksPerUnit == 0 || !decimal.TryParse(text.AsSpan(0, unitStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return false;
        var ticks = amount * ticksPerUnit;
        if (ticks > TimeSpan.MaxValue.Ticks)
            return false;
        duration = TimeSpan.FromTicks((long)decimal.Round(ticks));
        return true;
    }

    /// <summary>A short human form: <c>1 ms</c>, <c>250 us</c>, <c>1.5 s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var inv = CultureInfo.InvariantCulture;
        if (duration == TimeSpan.Zero)
            return "0 ms";
        if (duration < TimeSpan.FromMilliseconds(1))
            return (duration.Ticks / (double)TimeSpan.TicksPerMicrosecond).ToString("0.#", inv) + " us";
        if (duration < TimeSpan.FromSeconds(1))
            return duration.TotalMilliseconds.ToString("0.###", inv) + " ms";
        return duration.TotalSeconds.ToString("0.###", inv) + " s";
    }
}
