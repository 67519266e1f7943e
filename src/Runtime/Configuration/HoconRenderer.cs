using System.Text;

namespace RelayActors.Runtime.Configuration;

/// <summary>Writes a tree back as HOCON text that <see cref="HoconParser"/> reads to the same tree.</summary>
internal static class HoconRenderer
{
    private const int IndentWidth = 2;

    /// <summary>One field per line, nested objects in braces, strings always quoted.</summary>
    public static string Render(HoconObject root)
    {
        var builder = new StringBuilder();
        WriteFields(builder, root, depth: 0);
        return builder.ToString();
    }

    /// <summary>A value on one line, e.g. <c>[1, "a"]</c> or <c>{ a = 1 }</c>.</summary>
    public static string Inline(HoconValue value) => value switch
    {
        HoconScalar { Kind: HoconScalarKind.String } scalar => ConfigPath.Quote(scalar.Text),
        HoconScalar scalar => scalar.Text,
        HoconArray array => "[" + string.Join(", ", array.Items.Select(Inline)) + "]",
        HoconObject { Keys.Count: 0 } => "{}",
        HoconObject obj => "{ " + string.Join(", ", obj.Keys.Select(k => ConfigPath.RenderKey(k) + " = " + Inline(obj[k]))) + " }",
        HoconConcatenation concatenation => string.Concat(concatenation.Parts.Select(Inline)),
        _ => value.ToString() ?? string.Empty,
    };

    private static void WriteFields(StringBuilder builder, HoconObject obj, int depth)
    {
        foreach (var key in obj.Keys)
        {
            builder.Append(' ', depth * IndentWidth).Append(ConfigPath.RenderKey(key));
            if (obj[key] is HoconObject { Keys.Count: > 0 } child)
            {
                builder.Append(" {\n");
                WriteFields(builder, child, depth + 1);
                builder.Append(' ', depth * IndentWidth).Append("}\n");
            }
            else
            {
                builder.Append(" = ").Append(Inline(obj[key])).Append('\n');
            }
        }
    }
}
