using System.CommandLine;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>Builders for the <c>relay</c> options, so every option of a kind validates and reports errors the same way.</summary>
internal static class CliOptions
{
    /// <summary>An option taking one of <paramref name="names"/>; errors list them all.</summary>
    public static TextOption<T> Choice<T>(string name, string description, IReadOnlyList<string> names, TextParser<T> parse, string defaultName) =>
        new(name, description, defaultName, string.Join("|", names), parse, $"Valid values: {string.Join(", ", names)}.");

    /// <summary>An option taking a non-negative duration with a unit (<c>1ms</c>, <c>250us</c>, <c>2s</c>).</summary>
    public static TextOption<TimeSpan> Duration(string name, string description, string defaultText) =>
        new(name, description, defaultText, "duration", DurationParser.TryParse, $"Expected a non-negative number with a unit ({DurationParser.Units}), e.g. 1ms.");

    /// <summary>An integer option that must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(string name, string description, int minimum, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < minimum)
                result.AddError($"{name} must be at least {minimum}; got {value}.");
        });
        return option;
    }

    /// <summary>An optional integer option that, when given, must be at least <paramref name="minimum"/>.</summary>
    public static Option<int?> OptionalAtLeast(string name, string description, int minimum)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value < minimum)
                result.AddError($"{name} must be at least {minimum}; got {value}.");
        });
        return option;
    }
}
