using System.Globalization;
using System.Text;

namespace RelayActors.Runtime.Configuration;

/// <summary>Recursive-descent parser from tokens to an unresolved <see cref="HoconObject"/> tree.</summary>
internal sealed class HoconParser
{
    private readonly HoconTokenStream _tokens;
    private readonly string? _baseDirectory;
    private readonly IReadOnlyList<string> _includeChain;

    private HoconParser(HoconTokenStream tokens, string? baseDirectory, IReadOnlyList<string> includeChain)
    {
        _tokens = tokens;
        _baseDirectory = baseDirectory;
        _includeChain = includeChain;
    }

    /// <summary>
    /// Parses a whole document. Includes resolve against <paramref name="baseDirectory"/> (the working directory
    /// when null); <paramref name="includeChain"/> holds the full paths of the files being parsed, for cycle checks.
    /// </summary>
    public static HoconObject ParseDocument(string text, string origin, string? baseDirectory, IReadOnlyList<string> includeChain)
    {
        var parser = new HoconParser(new HoconTokenStream(HoconTokenizer.Tokenize(text, origin), origin), baseDirectory, includeChain);
        var tokens = parser._tokens;
        tokens.SkipBlank();
        var root = new HoconObject(tokens.OriginOf(tokens.Peek));
        if (tokens.Peek.Kind == HoconTokenKind.LeftBrace)
        {
            parser.ParseFields(root, tokens.Take());
            tokens.SkipBlank();
            if (tokens.Peek.Kind is not HoconTokenKind.End and not HoconTokenKind.RightBrace)
            {
                throw tokens.Error(tokens.Peek, $"expected end of input after the root object, found {tokens.Peek.Describe()}");
            }
        }

        parser.ParseFields(root, open: null);
        return root;
    }

    /// <summary>Parses the text of a single value for <paramref name="key"/>, as if written after <c>key =</c> in a file.</summary>
    public static HoconValue ParseValue(string text, string origin, string key) =>
        ParseWholeValue(new HoconTokenStream(HoconTokenizer.Tokenize(text, origin), origin), key);

    /// <summary>
    /// Parses the value of a command-line argument that starts at <paramref name="start"/>, as in
    /// <c>--set key=value</c>; see <see cref="HoconTokenizer.TokenizeArgument"/> for how arguments differ from files.
    /// </summary>
    public static HoconValue ParseArgumentValue(string argument, int start, string origin, string key) =>
        ParseWholeValue(new HoconTokenStream(HoconTokenizer.TokenizeArgument(argument, start, origin), origin), key);

    private static HoconValue ParseWholeValue(HoconTokenStream tokens, string key)
    {
        var parser = new HoconParser(tokens, baseDirectory: null, includeChain: []);
        tokens.SkipBlank();
        var value = parser.ParseValue(key);
        tokens.SkipBlank();
        return tokens.Peek.Kind == HoconTokenKind.End
            ? value
            : throw tokens.Error(tokens.Peek, $"expected end of value, found {tokens.Peek.Describe()}");
    }

    /// <summary>Fields up to the '}' matching <paramref name="open"/>, or up to the end of input when it is null.</summary>
    private void ParseFields(HoconObject target, HoconToken? open)
    {
        _tokens.SkipBlank();
        while (true)
        {
            var token = _tokens.Peek;
            if (token.Kind == HoconTokenKind.RightBrace)
            {
                _ = open ?? throw _tokens.Error(token, "unbalanced '}'");
                _tokens.Take();
                return;
            }

            if (token.Kind == HoconTokenKind.End)
            {
                if (open is { } brace)
                {
                    throw _tokens.Error(token, $"expected '}}' to close the '{{' opened at {Position(brace)}, found end of input");
                }

                return;
            }

            ParseField(target);
            _tokens.SkipWhitespace();
            if (_tokens.TakeIf(HoconTokenKind.Comma) || _tokens.TakeIf(HoconTokenKind.Newline))
            {
                _tokens.SkipBlank();
            }
            else if (_tokens.Peek.Kind is not HoconTokenKind.RightBrace and not HoconTokenKind.End)
            {
                throw _tokens.Error(_tokens.Peek, $"expected ',' or newline after a field, found {_tokens.Peek.Describe()}");
            }
        }
    }

    private void ParseField(HoconObject target)
    {
        if (_tokens.Peek is { Kind: HoconTokenKind.Unquoted, Text: "include" }
            && _tokens.PeekAt(1).Kind == HoconTokenKind.Whitespace
            && _tokens.PeekAt(2).Kind == HoconTokenKind.Quoted)
        {
            _tokens.Take();
            _tokens.Take();
            foreach (var (key, value) in HoconInclude.Load(_tokens, _tokens.Take(), _baseDirectory, _includeChain))
            {
                target.MergeField(key, value);
            }

            return;
        }

        var keyToken = _tokens.Peek;
        var (path, keyText) = ParseKey();
        _tokens.SkipWhitespace();
        HoconValue fieldValue;
        if (_tokens.TakeIf(HoconTokenKind.Separator))
        {
            _tokens.SkipWhitespace();
            fieldValue = ParseValue(keyText);
        }
        else if (_tokens.Peek.Kind == HoconTokenKind.LeftBrace)
        {
            fieldValue = ParseObject();
        }
        else
        {
            throw _tokens.Error(_tokens.Peek, $"expected '=' or ':' after key '{keyText}', found {_tokens.Peek.Describe()}");
        }

        target.MergeField(path[0], HoconObject.Wrap(path.Skip(1), fieldValue, _tokens.OriginOf(keyToken)));
    }

    /// <summary>A key made of unquoted and quoted pieces; unquoted dots split it into path elements.</summary>
    private (string[] Path, string Text) ParseKey()
    {
        var pieces = new List<HoconToken>();
        while (_tokens.Peek.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted or HoconTokenKind.Whitespace)
        {
            pieces.Add(_tokens.Take());
        }

        while (pieces.Count > 0 && pieces[^1].Kind == HoconTokenKind.Whitespace)
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        if (pieces.Count == 0)
        {
            throw _tokens.Error(_tokens.Peek, $"expected a key, found {_tokens.Peek.Describe()}");
        }

        var text = string.Concat(pieces.Select(t => t.Kind == HoconTokenKind.Quoted ? ConfigPath.Quote(t.Text) : t.Text));
        var path = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        foreach (var piece in pieces)
        {
            var parts = piece.Kind == HoconTokenKind.Unquoted ? piece.Text.Split('.') : [piece.Text];
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    path.Add(hasContent ? current.ToString() : throw _tokens.Error(piece, $"invalid key '{text}': empty path element"));
                    current.Clear();
                    hasContent = false;
                }

                current.Append(parts[i]);
                hasContent |= parts[i].Length > 0 || piece.Kind == HoconTokenKind.Quoted;
            }
        }

        path.Add(hasContent ? current.ToString() : throw _tokens.Error(pieces[^1], $"invalid key '{text}': empty path element"));
        return ([.. path], text);
    }

    private HoconValue ParseValue(string key) => _tokens.Peek.Kind switch
    {
        HoconTokenKind.LeftBrace => ParseObject(),
        HoconTokenKind.LeftBracket => ParseArray(key),
        _ => ParseConcatenation(key),
    };

    private HoconObject ParseObject()
    {
        var open = _tokens.Take();
        var result = new HoconObject(_tokens.OriginOf(open));
        ParseFields(result, open);
        return result;
    }

    private HoconArray ParseArray(string key)
    {
        var open = _tokens.Take();
        var items = new List<HoconValue>();
        _tokens.SkipBlank();
        while (!_tokens.TakeIf(HoconTokenKind.RightBracket))
        {
            if (_tokens.Peek.Kind == HoconTokenKind.End)
            {
                throw _tokens.Error(_tokens.Peek, $"expected ']' to close the '[' opened at {Position(open)}, found end of input");
            }

            items.Add(ParseValue(key));
            _tokens.SkipWhitespace();
            if (_tokens.TakeIf(HoconTokenKind.Comma) || _tokens.TakeIf(HoconTokenKind.Newline))
            {
                _tokens.SkipBlank();
            }
            else if (_tokens.Peek.Kind is not HoconTokenKind.RightBracket and not HoconTokenKind.End)
            {
                throw _tokens.Error(_tokens.Peek, $"expected ',' or ']' in the list of '{key}', found {_tokens.Peek.Describe()}");
            }
        }

        return new HoconArray(items, _tokens.OriginOf(open));
    }

    /// <summary>Strings, unquoted text and substitutions up to the end of the value; ':' and '=' count as text here.</summary>
    private HoconValue ParseConcatenation(string key)
    {
        var origin = _tokens.OriginOf(_tokens.Peek);
        var pieces = new List<HoconToken>();
        while (_tokens.Peek.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted or HoconTokenKind.Whitespace
               or HoconTokenKind.Separator or HoconTokenKind.Substitution)
        {
            pieces.Add(_tokens.Take());
        }

        while (pieces.Count > 0 && pieces[^1].Kind == HoconTokenKind.Whitespace)
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        var next = _tokens.Peek;
        if (pieces.Count == 0)
        {
            throw _tokens.Error(next, $"expected a value for '{key}', found {next.Describe()}");
        }

        if (next.Kind is HoconTokenKind.LeftBrace or HoconTokenKind.LeftBracket)
        {
            throw _tokens.Error(next, $"unexpected {next.Describe()} in the value of '{key}' (objects and lists cannot be concatenated)");
        }

        if (pieces.Count == 1)
        {
            return Single(pieces[0], origin);
        }

        var parts = new List<HoconValue>();
        var literal = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece.Kind != HoconTokenKind.Substitution)
            {
                literal.Append(piece.Text);
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(new HoconScalar(HoconScalarKind.String, literal.ToString(), quoted: true, origin));
                literal.Clear();
            }

            parts.Add(Single(piece, origin));
        }

        if (parts.Count == 0)
        {
            return new HoconScalar(HoconScalarKind.String, literal.ToString(), pieces.Exists(p => p.Kind == HoconTokenKind.Quoted), origin);
        }

        if (literal.Length > 0)
        {
            parts.Add(new HoconScalar(HoconScalarKind.String, literal.ToString(), quoted: true, origin));
        }

        return new HoconConcatenation(parts, origin);
    }

    /// <summary>"line 3" in a file; "column 7" in a command-line argument, which has no lines.</summary>
    private static string Position(HoconToken token) =>
        token.Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"line {token.Line}")
            : string.Create(CultureInfo.InvariantCulture, $"column {token.Column}");

    private static HoconValue Single(HoconToken token, HoconOrigin origin) => token.Kind switch
    {
        HoconTokenKind.Substitution => new HoconSubstitution(ConfigPath.TryParse(token.Text)!, token.Optional, origin),
        HoconTokenKind.Quoted => new HoconScalar(HoconScalarKind.String, token.Text, quoted: true, origin),
        _ => HoconScalar.FromUnquoted(token.Text, origin),
    };
}
