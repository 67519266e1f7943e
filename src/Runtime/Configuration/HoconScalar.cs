using System.Text.RegularExpressions;

namespace RelayActors.Runtime.Configuration;

/// <summary>A string, number, boolean or null, kept as the text that was written.</summary>
internal sealed partial class HoconScalar : HoconValue
{
    public HoconScalar(HoconScalarKind kind, string text, bool quoted, HoconOrigin origin)
        : base(origin)
    {
        Kind = kind;
        Text = text;
        Quoted = quoted;
    }

    public HoconScalarKind Kind { get; }

    /// <summary>The value with quotes and escapes removed.</summary>
    public string Text { get; }

    public bool Quoted { get; }

    public bool IsNull => Kind == HoconScalarKind.Null;

    /// <summary>Classifies unquoted text: <c>null</c>, booleans (true/false/yes/no/on/off), numbers, else a string.</summary>
    public static HoconScalar FromUnquoted(string text, HoconOrigin origin)
    {
        var kind = text switch
        {
            "null" => HoconScalarKind.Null,
            "true" or "false" or "yes" or "no" or "on" or "off" => HoconScalarKind.Boolean,
            _ when NumberPattern().IsMatch(text) => HoconScalarKind.Number,
            _ => HoconScalarKind.String,
        };
        return new HoconScalar(kind, text, quoted: false, origin);
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
