using System.CommandLine;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>
/// A flag that stands for one configuration key (<c>--workers</c> for <c>relay-actors.quadratics.workers</c>): when
/// given, it becomes the assignment <c>key=value</c> layered over the experiment file; when absent, the file or the
/// reference default decides. The value is checked where the key is read, so errors name the key.
/// </summary>
internal sealed class ConfigFlag
{
    private readonly string _key;

    /// <summary>A flag for <paramref name="key"/>; with <paramref name="parse"/>, text it rejects fails at parse time naming the flag (<paramref name="expected"/> says what is valid).</summary>
    public ConfigFlag(string name, string key, string description, TextParser<TimeSpan>? parse = null, string? expected = null)
    {
        _key = key;
        Option = new Option<string?>(name) { Description = $"{description} [config: {key}]" };
        if (parse is not null)
        {
            Option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string?>() is { } text && !parse(text, out _))
                    result.AddError($"Invalid value '{text}' for {name}. {expected}");
            });
        }
    }

    public Option<string?> Option { get; }

    /// <summary>The assignment, or null when the flag was not given.</summary>
    public string? Assignment(ParseResult parseResult) =>
        parseResult.GetValue(Option) is { } value ? $"{_key}={Quote(value)}" : null;

    /// <summary>
    /// Numbers, kebab-case names and HOCON lists (<c>[relaysgd, gossip]</c>, for the keys that take one) pass as they are;
    /// anything else is quoted so HOCON reads it as one string.
    /// </summary>
    public static string Quote(string value) =>
        value.All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '+' or '_') || IsList(value)
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A bracketed list of plain items (names, numbers), nothing HOCON could read as more than a list.</summary>
    private static bool IsList(string value)
    {
        var text = value.Trim();
        return text.Length >= 2 && text[0] == '[' && text[^1] == ']'
            && text[1..^1].All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '+' or '_' or ',' or ' ');
    }
}
