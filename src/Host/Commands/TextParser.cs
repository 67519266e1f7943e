namespace RelayActors.Host.Commands;

/// <summary>Parses one option value from its text; the <c>*Names.TryParse</c> methods and <c>DurationParser.TryParse</c> have this shape.</summary>
internal delegate bool TextParser<T>(string? text, out T value);
