using Microsoft.Extensions.Configuration;

namespace RelayActors.Runtime.Configuration;

/// <summary>Adds HOCON sources to a Microsoft.Extensions.Configuration builder.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds the resolved <paramref name="config"/>; providers added later win, as for any source.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconConfigurationSource(config));
    }

    /// <summary>
    /// Adds the HOCON file at <paramref name="path"/>, read when the configuration is built. A missing file throws a
    /// <see cref="ConfigurationException"/> then, unless <paramref name="optional"/>.
    /// </summary>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconConfigurationSource(path, optional));
    }
}
