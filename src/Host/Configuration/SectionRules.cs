using RelayActors.Actors.Baselines;
using RelayActors.Actors.Compression;
using RelayActors.Host.Commands;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Configuration;

/// <summary>
/// The value checks the command sections share, with errors that name the full key path, the value and the rule
/// (e.g. <c>relay-actors.training.model = resnet must be one of …</c>).
/// </summary>
internal sealed class SectionRules(string sectionPath)
{
    /// <summary>An error for <paramref name="key"/> (relative to the section) holding <paramref name="value"/>, which breaks <paramref name="rule"/>.</summary>
    public ConfigurationException Invalid(string key, object value, string rule) =>
        new($"{sectionPath}.{key} = {value} {rule}", $"{sectionPath}.{key}", origin: null);

    /// <summary>The named value at <paramref name="key"/>, or an error listing the valid <paramref name="names"/>.</summary>
    public T Parse<T>(Config section, string key, TextParser<T> parse, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(parse);
        var text = section.GetString(key);
        return parse(text, out var value) ? value : throw Invalid(key, text, $"must be one of {string.Join(", ", names)}");
    }

    /// <summary>
    /// The section's <c>choco</c> block: Choco-SGD's compressor (<c>compressor</c>, with <c>fraction</c> for top-k and
    /// random-k and <c>levels</c> for QSGD) and its <c>consensus-step</c>; fraction and consensus step lie in (0, 1].
    /// </summary>
    public ChocoSettings Choco(Config section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var compressor = new CompressorSettings
        {
            Kind = Parse<CompressorKind>(section, "choco.compressor", CompressorKindNames.TryParse, CompressorKindNames.All),
            Fraction = section.GetDouble("choco.fraction", 0.1, double.Epsilon, 1),
            Levels = section.GetInt("choco.levels", 16, 1, CompressorSettings.MaxLevels),
        };
        return new ChocoSettings { Compressor = compressor, ConsensusStep = section.GetDouble("choco.consensus-step", 0.2, double.Epsilon, 1) };
    }

    /// <summary>The text at <paramref name="key"/> when it is a plain folder name (results go to a folder named after it).</summary>
    public string FolderName(Config section, string key)
    {
        ArgumentNullException.ThrowIfNull(section);
        var name = section.GetString(key);
        return name.Length > 0 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.') && name is not ("." or "..")
            ? name
            : throw Invalid(key, name, "must be a folder name of letters, digits, '-', '_' or '.'");
    }

    /// <summary>The text at <paramref name="key"/>, which must not be empty.</summary>
    public string NonEmpty(Config section, string key)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.GetString(key) is { Length: > 0 } text ? text : throw Invalid(key, "\"\"", "must not be empty");
    }

    public T Parse<T>(Config section, string key, EnumNames<T> names)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(names);
        return Parse<T>(section, key, names.TryParse, names.All);
    }
}
