using System.Text;

namespace RelayActors.Runtime.Configuration;

/// <summary>Writes a tree back as HOCON text that <see cref="HoconParser"/> reads to the same tree.</summary>
internal static class HoconRenderer
{
    private const int IndentWidth = 2;

    /// <summary>
    /// One field per line, nested objects in braces, strings always quoted; fields in the order they were defined, or
    /// with <paramref name="sortKeys"/> in ordinal key order at every level (a canonical text: equal trees, equal text).
    /// </summary>
    public static string Render(HoconObject root, bool sortKeys = false)
    {
        var builder = new StringBuilder();
        WriteFields(builder, root, depth: 0, sortKeys);
        return builder.ToString();
    }

    /// <summary>A value on one line, e.g. <c>[1, "a"]</c> or <c>{ a = 1 }</c>.</summary>
    public static string Inline(HoconValue value) => Inline(value, sortKeys: false);

    private static string Inline(HoconValue value, bool sortKeys) => value switch
    {
        HoconScalar { Kind: HoconScalarKind.String } scalar => ConfigPath.Quote(scalar.Text),
        HoconScalar scalar => scalar.Text,
        HoconArray array => "[" + string.Join(", ", array.Items.Select(item => Inline(item, sortKeys))) + "]",
        HoconObject { Keys.Count: 0 } => "{}",
        HoconObject obj => "{ " + string.Join(", ", KeysOf(obj, sortKeys).Select(k => ConfigPath.RenderKey(k) + " = " + Inline(obj[k], sortKeys))) + " }",
        HoconConcatenation concatenation => string.Concat(concatenation.Parts.Select(part => Inline(part, sortKeys))),
        _ => value.ToString() ?? string.Empty,
    };

    private static IEnumerable<string> KeysOf(HoconObject obj, bool sortKeys) => sortKeys ? obj.Keys.Order(StringComparer.Ordinal) : obj.Keys;

    private static void WriteFields(StringBuilder builder, HoconObject obj, int depth, bool sortKeys)
    {
        foreach (var key in KeysOf(obj, sortKeys))
        {
            builder.Append(' ', depth * IndentWidth).Append(ConfigPath.RenderKey(key));
            if (obj[key] is HoconObject { Keys.Count: > 0 } child)
            {
                builder.Append(" {\n");
                WriteFields(builder, child, depth + 1, sortKeys);
                builder.Append(' ', depth * IndentWidth).Append("}\n");
            }
            else
            {
                builder.Append(" = ").Append(Inline(obj[key], sortKeys)).Append('\n');
            }
        }
    }
}
