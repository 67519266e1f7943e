namespace RelayActors.Runtime.Configuration;

/// <summary>A cursor over the tokens of one source, with the helpers the parser needs to report errors there.</summary>
internal sealed class HoconTokenStream
{
    private readonly List<HoconToken> _tokens;
    private int _position;

    /// <summary>Walks <paramref name="tokens"/> (from <see cref="HoconTokenizer"/>, ending with the end token) of <paramref name="origin"/>.</summary>
    public HoconTokenStream(List<HoconToken> tokens, string origin)
    {
        _tokens = tokens;
        Origin = origin;
    }

    /// <summary>The source name used in origins and errors.</summary>
    public string Origin { get; }

    public HoconToken Peek => _tokens[_position];

    /// <summary>The token <paramref name="offset"/> places ahead, or the end token.</summary>
    public HoconToken PeekAt(int offset) => _tokens[Math.Min(_position + offset, _tokens.Count - 1)];

    public HoconToken Take()
    {
        var token = _tokens[_position];
        if (token.Kind != HoconTokenKind.End)
        {
            _position++;
        }

        return token;
    }

    public bool TakeIf(HoconTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            return false;
        }

        _position++;
        return true;
    }

    public void SkipWhitespace()
    {
        while (TakeIf(HoconTokenKind.Whitespace))
        {
        }
    }

    /// <summary>Skips whitespace and newlines.</summary>
    public void SkipBlank()
    {
        while (TakeIf(HoconTokenKind.Whitespace) || TakeIf(HoconTokenKind.Newline))
        {
        }
    }

    public HoconOrigin OriginOf(HoconToken token) => new(Origin, token.Line);

    public ConfigurationException Error(HoconToken at, string message) => ConfigErrors.Syntax(Origin, at.Line, at.Column, message);
}
