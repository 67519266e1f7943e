using System.Globalization;
using System.Text;

namespace RelayActors.Runtime.Configuration;

/// <summary>Dotted path expressions (<c>a.b."c.d"</c>) and HOCON quoting.</summary>
internal static class ConfigPath
{
    /// <summary>Splits a path on unquoted dots; null when it is empty, has an empty element or an open quote.</summary>
    public static string[]? TryParse(string path)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                if (!hasContent)
                {
                    return null;
                }

                segments.Add(current.ToString());
                current.Clear();
                hasContent = false;
            }
            else if (c == '"')
            {
                var end = path.IndexOf('"', i + 1);
                if (end < 0)
                {
                    return null;
                }

                current.Append(path, i + 1, end - i - 1);
                hasContent = true;
                i = end;
            }
            else
            {
                current.Append(c);
                hasContent = true;
            }
        }

        if (!hasContent)
        {
            return null;
        }

        segments.Add(current.ToString());
        return [.. segments];
    }

    /// <summary>Parses a path passed to the public API; a malformed path is a programming error.</summary>
    public static string[] Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryParse(path) ?? throw new ArgumentException($"'{path}' is not a valid configuration path.", nameof(path));
    }

    /// <summary>
    /// A path for messages. An element of a list of objects (<see cref="Config.GetConfigList"/>) is the segment
    /// <c>key[i]</c> and shows as such, unquoted, so errors read <c>a.runs[0].b</c>.
    /// </summary>
    public static string Render(IEnumerable<string> segments) => string.Join('.', segments.Select(RenderPathSegment));

    public static string Render(IReadOnlyList<string> prefix, IReadOnlyList<string> segments) =>
        Render(prefix.Concat(segments));

    /// <summary>The name of element <paramref name="index"/> of the list at <paramref name="key"/>, as a path segment.</summary>
    public static string ElementSegment(string key, int index) => string.Create(CultureInfo.InvariantCulture, $"{key}[{index}]");

    private static string RenderPathSegment(string segment)
    {
        var open = segment.LastIndexOf('[');
        var isElement = open > 0 && segment[^1] == ']' && open < segment.Length - 2
            && !segment.AsSpan(open + 1, segment.Length - open - 2).ContainsAnyExceptInRange('0', '9');
        return isElement ? RenderPathSegment(segment[..open]) + segment[open..] : RenderKey(segment);
    }

    /// <summary>A key as HOCON text: bare when it is made of letters, digits, '-' and '_', quoted otherwise.</summary>
    public static string RenderKey(string key)
    {
        var bare = key.Length > 0 && key != "include" && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return bare ? key : Quote(key);
    }

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
