namespace RelayActors.Runtime.Configuration;

/// <summary>
/// One token. <see cref="Text"/> is the unescaped content for quoted strings, the path for substitutions
/// and the source text otherwise.
/// </summary>
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, int Line, int Column, bool Optional = false)
{
    /// <summary>The token as named in "found ..." parts of syntax errors.</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "end of input",
        HoconTokenKind.Newline => "newline",
        HoconTokenKind.Quoted => ConfigPath.Quote(Text),
        HoconTokenKind.Substitution => (Optional ? "'${?" : "'${") + Text + "}'",
        _ => "'" + Text + "'",
    };
}
