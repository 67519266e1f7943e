using System.CommandLine;

namespace RelayActors.Host.Commands;

/// <summary>
/// An option whose value is written as text (a kebab-case name, a duration with unit) and parsed by one
/// <see cref="TextParser{T}"/>. Kept as a string option so help shows the default as it is typed
/// (<c>[default: binary-tree]</c>, <c>[default: 1ms]</c>); invalid text is a parse error ending with <c>expected</c>,
/// which says what is valid.
/// </summary>
internal sealed class TextOption<T>
{
    private readonly TextParser<T> _parse;

    public TextOption(string name, string description, string defaultText, string helpName, TextParser<T> parse, string expected)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (!parse(defaultText, out _))
            throw new ArgumentException($"The default '{defaultText}' of {name} does not parse", nameof(defaultText));
        _parse = parse;
        Option = new Option<string>(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultText,
        };
        Option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!parse(text, out _))
                result.AddError($"Invalid value '{text}' for {name}. {expected}");
        });
    }

    public Option<string> Option { get; }

    /// <summary>The parsed value; the validator has already rejected text that does not parse.</summary>
    public T GetValue(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var text = parseResult.GetValue(Option);
        return _parse(text, out var value)
            ? value
            : throw new InvalidOperationException($"{Option.Name} value '{text}' passed validation but does not parse");
    }
}
