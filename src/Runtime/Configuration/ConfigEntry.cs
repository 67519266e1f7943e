namespace RelayActors.Runtime.Configuration;

/// <summary>A value found at a full path; <see cref="ShownPath"/> adds a list index for element errors.</summary>
internal readonly record struct ConfigEntry(string FullPath, HoconValue Value, string? ShownPath = null)
{
    public ConfigurationException Fail(string problem) => ConfigErrors.Invalid(FullPath, Value, problem, ShownPath);
}
