using Microsoft.Extensions.Configuration;

namespace RelayActors.Runtime.Configuration;

/// <summary>
/// A HOCON configuration, given as a <see cref="Configuration.Config"/> or as a file, for a Microsoft.Extensions.Configuration
/// builder; see <see cref="HoconConfigurationProvider"/> for how it is flattened. Add it with
/// <see cref="HoconConfigurationExtensions.AddHocon"/> or <see cref="HoconConfigurationExtensions.AddHoconFile"/>.
/// </summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>Serves <paramref name="config"/> as it is (it is immutable).</summary>
    public HoconConfigurationSource(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
    }

    /// <summary>
    /// Reads the file at <paramref name="path"/> when the configuration is built; a relative path is relative to the
    /// working directory, includes in the file to the file's directory.
    /// </summary>
    public HoconConfigurationSource(string path, bool optional)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        Optional = optional;
    }

    /// <summary>The configuration to serve; null when it is read from <see cref="Path"/>.</summary>
    public Config? Config { get; }

    /// <summary>The HOCON file to read; null when <see cref="Config"/> is given.</summary>
    public string? Path { get; }

    /// <summary>True when a missing file at <see cref="Path"/> yields no settings instead of an error.</summary>
    public bool Optional { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
