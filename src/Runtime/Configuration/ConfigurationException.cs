namespace RelayActors.Runtime.Configuration;

/// <summary>
/// A configuration could not be read or a setting does not have the expected shape. The message names the
/// full key path, the value as written, where it was written and what was expected.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigurationException(string message, string? path, string? origin, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Origin = origin;
    }

    /// <summary>Full dotted key path of the offending setting; null for syntax and file errors.</summary>
    public string? Path { get; }

    /// <summary>Where the offending text was written: "file:line" ("file:line:column" for syntax errors), or null.</summary>
    public string? Origin { get; }
}
