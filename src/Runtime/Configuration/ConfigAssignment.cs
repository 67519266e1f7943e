namespace RelayActors.Runtime.Configuration;

/// <summary>
/// One command-line override, <c>--set path=value</c>: the path before the first '=' outside quotes, a HOCON value
/// after it. The value's origin is the flag as written, so errors found later (a range check) point at it.
/// </summary>
internal sealed record ConfigAssignment(string[] Path, HoconValue Value)
{
    private const string Flag = "--set";

    /// <summary>Parses <paramref name="text"/>; <paramref name="prefix"/> qualifies the path in error messages.</summary>
    public static ConfigAssignment Parse(string text, IReadOnlyList<string> prefix)
    {
        var argument = $"{Flag} {text}";
        var separator = FindSeparator(text);
        if (separator < 0)
        {
            throw ConfigErrors.Argument(argument, "missing '='; expected path=value");
        }

        var pathText = text[..separator].Trim();
        if (pathText.Length == 0)
        {
            throw ConfigErrors.Argument(argument, "empty path before '='");
        }

        var path = ConfigPath.TryParse(pathText)
            ?? throw ConfigErrors.Argument(argument, $"invalid path '{pathText}': an empty element or an unclosed quote");

        // Tokenized in place, so a syntax error's column counts from the start of the assignment.
        var value = HoconParser.ParseArgumentValue(text, separator + 1, argument, ConfigPath.Render(prefix, path));
        return new ConfigAssignment(path, value);
    }

    /// <summary>The first '=' outside a quoted path element; a quote left open falls back to the first '=' at all.</summary>
    private static int FindSeparator(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=')
            {
                return i;
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return text.IndexOf('=', i + 1);
                }

                i = close;
            }
        }

        return -1;
    }
}
