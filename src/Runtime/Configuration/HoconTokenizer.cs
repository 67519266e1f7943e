using System.Globalization;
using System.Text;

namespace RelayActors.Runtime.Configuration;

/// <summary>Splits HOCON text into tokens; comments are dropped, whitespace and newlines are kept.</summary>
internal sealed class HoconTokenizer
{
    private const string Delimiters = "{}[],=:\"";

    private readonly string _text;
    private readonly string _origin;
    private readonly bool _isArgument;
    private readonly List<HoconToken> _tokens = [];
    private int _position;
    private int _line;
    private int _lineStart;

    private HoconTokenizer(string text, string origin, bool isArgument)
    {
        _text = text;
        _origin = origin;
        _isArgument = isArgument;
        _line = isArgument ? 0 : 1;
    }

    public static List<HoconToken> Tokenize(string text, string origin)
    {
        var tokenizer = new HoconTokenizer(text, origin, isArgument: false);
        if (text.StartsWith('\uFEFF'))
        {
            tokenizer._position = tokenizer._lineStart = 1;
        }

        tokenizer.Run();
        return tokenizer._tokens;
    }

    /// <summary>
    /// Tokenizes a command-line argument from <paramref name="start"/> on. An argument has no lines (tokens carry
    /// line 0, columns count from the start of the argument) and no comments: '#' and '//' are text, so
    /// <c>relay://sys@host:1</c> stays whole.
    /// </summary>
    public static List<HoconToken> TokenizeArgument(string argument, int start, string origin)
    {
        var tokenizer = new HoconTokenizer(argument, origin, isArgument: true) { _position = start };
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private int Column => _position - _lineStart + 1;

    private void Run()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                Emit(HoconTokenKind.Newline, "\n", 1);
                StartLine(_position);
            }
            else if (IsCommentStart(0))
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                Emit(HoconTokenKind.Whitespace, RunLength(ch => ch != '\n' && char.IsWhiteSpace(ch)));
            }
            else if (StartsWith("\"\"\""))
            {
                ReadTripleQuoted();
            }
            else if (c == '"')
            {
                ReadQuoted();
            }
            else if (StartsWith("${"))
            {
                ReadSubstitution();
            }
            else if (Delimiters.Contains(c, StringComparison.Ordinal))
            {
                Emit(Punctuation(c), c.ToString(), 1);
            }
            else
            {
                Emit(HoconTokenKind.Unquoted, UnquotedLength());
            }
        }

        _tokens.Add(new HoconToken(HoconTokenKind.End, string.Empty, _line, Column));
    }

    private static HoconTokenKind Punctuation(char c) => c switch
    {
        '{' => HoconTokenKind.LeftBrace,
        '}' => HoconTokenKind.RightBrace,
        '[' => HoconTokenKind.LeftBracket,
        ']' => HoconTokenKind.RightBracket,
        ',' => HoconTokenKind.Comma,
        _ => HoconTokenKind.Separator,
    };

    private bool IsCommentStart(int offset) =>
        !_isArgument && (_text[_position + offset] == '#' || StartsWith("//", offset));

    private void StartLine(int lineStart)
    {
        if (!_isArgument)
        {
            _line++;
            _lineStart = lineStart;
        }
    }

    private bool StartsWith(string value, int offset = 0) =>
        string.CompareOrdinal(_text, _position + offset, value, 0, value.Length) == 0;

    private int RunLength(Func<char, bool> belongs)
    {
        var end = _position;
        while (end < _text.Length && belongs(_text[end]))
        {
            end++;
        }

        return end - _position;
    }

    /// <summary>Unquoted text ends at whitespace, a delimiter, a comment or a substitution.</summary>
    private int UnquotedLength()
    {
        var length = 0;
        while (_position + length < _text.Length)
        {
            var c = _text[_position + length];
            if (char.IsWhiteSpace(c) || Delimiters.Contains(c, StringComparison.Ordinal) || IsCommentStart(length) || StartsWith("${", length))
            {
                break;
            }

            length++;
        }

        return length;
    }

    private void Emit(HoconTokenKind kind, int length) => Emit(kind, _text.Substring(_position, length), length);

    private void Emit(HoconTokenKind kind, string text, int length)
    {
        _tokens.Add(new HoconToken(kind, text, _line, Column));
        _position += length;
    }

    private void ReadTripleQuoted()
    {
        var (line, column) = (_line, Column);
        var end = _text.IndexOf("\"\"\"", _position + 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw ConfigErrors.Syntax(_origin, line, column, "unterminated triple-quoted string");
        }

        while (end + 3 < _text.Length && _text[end + 3] == '"')
        {
            end++; // quotes just before the closing """ belong to the content
        }

        var content = _text.Substring(_position + 3, end - _position - 3);
        _tokens.Add(new HoconToken(HoconTokenKind.Quoted, content, line, column));
        for (var i = _position + 3; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                StartLine(i + 1);
            }
        }

        _position = end + 3;
    }

    private void ReadQuoted()
    {
        var (line, column) = (_line, Column);
        var builder = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length || _text[_position] == '\n')
            {
                throw ConfigErrors.Syntax(_origin, line, column, "unterminated string");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                break;
            }

            builder.Append(c == '\\' ? ReadEscape() : c);
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Quoted, builder.ToString(), line, column));
    }

    private char ReadEscape()
    {
        if (_position >= _text.Length || _text[_position] == '\n')
        {
            throw ConfigErrors.Syntax(_origin, _line, Column, "unterminated string");
        }

        var c = _text[_position++];
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u' when _position + 4 <= _text.Length
                && ushort.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                _position += 4;
                return (char)code;
            default:
                throw ConfigErrors.Syntax(_origin, _line, Column - 2, $"invalid escape '\\{c}' in string");
        }
    }

    private void ReadSubstitution()
    {
        var (line, column) = (_line, Column);
        var optional = _position + 2 < _text.Length && _text[_position + 2] == '?';
        var start = _position + (optional ? 3 : 2);
        var end = start;
        while (end < _text.Length && _text[end] is not '}' and not '\n')
        {
            end++;
        }

        if (end >= _text.Length || _text[end] != '}')
        {
            throw ConfigErrors.Syntax(_origin, line, column, $"unterminated substitution '{_text[_position..end]}', expected '}}'");
        }

        var path = _text[start..end].Trim();
        if (ConfigPath.TryParse(path) is null)
        {
            throw ConfigErrors.Syntax(_origin, line, column, $"invalid substitution path '{path}'");
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Substitution, path, line, column, optional));
        _position = end + 1;
    }
}
