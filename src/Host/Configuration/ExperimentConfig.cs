using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Configuration;

/// <summary>
/// Builds the configuration of one command: an experiment file (optional), then the command's own flags, then
/// <c>--set path=value</c> overrides, later winning. Each settings type falls back to its own reference defaults and
/// rejects unknown keys in its section; here unknown sections under <c>relay-actors</c> are rejected.
/// </summary>
internal static class ExperimentConfig
{
    /// <summary>The sections a configuration may hold under <c>relay-actors</c>.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["runtime", "network", "quadratics", "training", "compare", "remote", "cluster", "node"];

    /// <exception cref="ConfigurationException">The file is missing or invalid, an override does not parse, or a section is unknown.</exception>
    public static Config Load(string? file, IEnumerable<string> flagAssignments, IEnumerable<string> overrides)
    {
        var config = file is null ? Config.Empty : Config.Load(file);
        config = config.WithOverrides(flagAssignments).WithOverrides(overrides);
        foreach (var key in config.Keys)
            if (key != "relay-actors")
                throw new ConfigurationException($"Unknown top-level key '{key}'; every setting lives under relay-actors ({string.Join(", ", Sections)})", key, file);
        if (config.HasPath("relay-actors"))
            foreach (var section in config.GetConfig("relay-actors").Keys)
                if (!Sections.Contains(section))
                    throw new ConfigurationException($"Unknown section relay-actors.{section}; known sections: {string.Join(", ", Sections)}", $"relay-actors.{section}", file);
        return config;
    }
}
