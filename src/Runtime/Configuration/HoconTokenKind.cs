namespace RelayActors.Runtime.Configuration;

internal enum HoconTokenKind
{
    Unquoted,
    Quoted,
    Whitespace,
    Newline,
    Comma,
    Separator,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Substitution,
    End,
}
