using System.Globalization;

namespace RelayActors.Runtime.Configuration;

/// <summary>Builds <see cref="ConfigurationException"/>s with one message format throughout.</summary>
internal static class ConfigErrors
{
    private const int MaxShownValueLength = 80;

    /// <summary><c>file:line:column: message</c>, or <c>argument: message at column N</c> for a source without lines (line 0).</summary>
    public static ConfigurationException Syntax(string origin, int line, int column, string message)
    {
        if (line == 0)
        {
            return Argument(origin, string.Create(CultureInfo.InvariantCulture, $"{message} at column {column}"));
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"{origin}:{line}:{column}");
        return new ConfigurationException($"{where}: {message}", null, where);
    }

    /// <summary><c>argument: problem</c> for a command-line argument such as <c>--set path=value</c>.</summary>
    public static ConfigurationException Argument(string argument, string problem) =>
        new($"{argument}: {problem}", null, argument);

    /// <summary><c>path is missing; expected what</c>.</summary>
    public static ConfigurationException Missing(string fullPath, string expected) =>
        new($"{fullPath} is missing; expected {expected}", fullPath, null);

    /// <summary><c>path = value (file:line): problem</c>; <paramref name="shownPath"/> may add an index such as <c>[2]</c>.</summary>
    public static ConfigurationException Invalid(string fullPath, HoconValue value, string problem, string? shownPath = null)
    {
        var origin = value.Origin.ToString();
        return new ConfigurationException(
            $"{shownPath ?? fullPath} = {Describe(value)} ({origin}): {problem}", fullPath, origin);
    }

    /// <summary>The value roughly as written: scalars keep their quotes, long arrays and objects are cut short.</summary>
    public static string Describe(HoconValue value)
    {
        var text = value is HoconScalar { Quoted: false } scalar ? scalar.Text : HoconRenderer.Inline(value);
        return text.Length <= MaxShownValueLength ? text : string.Concat(text.AsSpan(0, MaxShownValueLength), "...");
    }
}
