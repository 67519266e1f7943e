using System.CommandLine;

namespace RelayActors.Host.Commands;

/// <summary>
/// A flag that stands for one configuration key (<c>--workers</c> for <c>relay-actors.quadratics.workers</c>): when
/// given, it becomes the assignment <c>key=value</c> layered over the experiment file; when absent, the file or the
/// reference default decides. The value is checked where the key is read, so errors name the key.
/// </summary>
internal sealed class ConfigFlag(string name, string key, string description)
{
    public Option<string?> Option { get; } = new(name) { Description = $"{description} [config: {key}]" };

    /// <summary>The assignment, or null when the flag was not given.</summary>
    public string? Assignment(ParseResult parseResult) =>
        parseResult.GetValue(Option) is { } value ? $"{key}={Quote(value)}" : null;

    /// <summary>Numbers and kebab-case names pass as they are; anything else is quoted so HOCON reads it as one string.</summary>
    private static string Quote(string value) =>
        value.All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '+' or '_')
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
