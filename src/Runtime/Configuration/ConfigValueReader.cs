using System.Globalization;
using System.Text;

namespace RelayActors.Runtime.Configuration;

/// <summary>Converts found values to the types the getters return; every failure names path, value and expectation.</summary>
internal static class ConfigValueReader
{
    private const string BooleanForms = "a boolean (true/false, yes/no, on/off)";

    public static string ToText(ConfigEntry entry) => Scalar(entry, "a string");

    public static long ToLong(ConfigEntry entry) => ToInteger(entry, long.MinValue, long.MaxValue, "an integer");

    public static int ToInt(ConfigEntry entry) => (int)ToInteger(entry, int.MinValue, int.MaxValue, "an integer");

    public static double ToDouble(ConfigEntry entry)
    {
        var text = Scalar(entry, "a number");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw entry.Fail("expected a number");
    }

    public static bool ToBoolean(ConfigEntry entry) => Scalar(entry, BooleanForms) switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw entry.Fail("expected " + BooleanForms),
    };

    public static TimeSpan ToDuration(ConfigEntry entry) =>
        ConfigUnits.TryParseDuration(Scalar(entry, "a duration"), out var value, out var problem) ? value : throw entry.Fail(problem);

    public static long ToBytes(ConfigEntry entry) =>
        ConfigUnits.TryParseBytes(Scalar(entry, "a size in bytes"), out var value, out var problem) ? value : throw entry.Fail(problem);

    public static IReadOnlyList<T> ToList<T>(ConfigEntry entry, Func<ConfigEntry, T> convert, string expected)
    {
        if (entry.Value is not HoconArray array)
        {
            throw entry.Fail($"expected a list of {expected}");
        }

        return array.Items
            .Select((item, i) => convert(new ConfigEntry(entry.FullPath, item, $"{entry.FullPath}[{i.ToString(CultureInfo.InvariantCulture)}]")))
            .ToArray();
    }

    /// <summary>Matches the kebab-case form of a member name, or the name itself ignoring case.</summary>
    public static TEnum ToEnum<TEnum>(ConfigEntry entry)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        var expected = "one of " + string.Join(", ", names.Select(ToKebabCase));
        var text = Scalar(entry, expected);
        foreach (var name in names)
        {
            if (ToKebabCase(name) == text || string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<TEnum>(name);
            }
        }

        throw entry.Fail("expected " + expected);
    }

    public static T InRange<T>(ConfigEntry entry, T value, T min, T max, Func<T, string> format)
        where T : IComparable<T> =>
        value.CompareTo(min) < 0 || value.CompareTo(max) > 0
            ? throw entry.Fail($"must be between {format(min)} and {format(max)}")
            : value;

    /// <summary><c>RelaySumModel</c> -> <c>relay-sum-model</c>, <c>HTTPServer</c> -> <c>http-server</c>.</summary>
    public static string ToKebabCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord && name[i - 1] != '_')
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Scalar(ConfigEntry entry, string expected) => entry.Value switch
    {
        HoconScalar { IsNull: false } scalar => scalar.Text,
        HoconScalar => throw entry.Fail($"expected {expected}, found null"),
        HoconObject => throw entry.Fail($"expected {expected}, found an object"),
        _ => throw entry.Fail($"expected {expected}, found a list"),
    };

    private static long ToInteger(ConfigEntry entry, long min, long max, string expected)
    {
        var text = Scalar(entry, expected);
        long value;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            value = integer;
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                 && double.IsFinite(real) && Math.Floor(real) == real && Math.Abs(real) < 9.2e18)
        {
            value = (long)real;
        }
        else
        {
            throw entry.Fail("expected " + expected);
        }

        return value < min || value > max
            ? throw entry.Fail(string.Create(CultureInfo.InvariantCulture, $"expected {expected} between {min} and {max}"))
            : value;
    }
}
