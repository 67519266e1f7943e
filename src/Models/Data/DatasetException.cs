namespace RelayActors.Models.Data;

/// <summary>
/// A data set could not be loaded: a file or directory is missing, truncated or not in the expected format. The message
/// names the path, what is wrong with it and what to install or change; <see cref="Path"/> repeats the path for callers
/// that report it separately.
/// </summary>
public sealed class DatasetException : Exception
{
    public DatasetException()
    {
    }

    public DatasetException(string message)
        : base(message)
    {
    }

    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure concerning <paramref name="path"/>; <paramref name="message"/> should already name it.</summary>
    public DatasetException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The file or directory that could not be read, or null when the failure concerns no single path.</summary>
    public string? Path { get; }
}
