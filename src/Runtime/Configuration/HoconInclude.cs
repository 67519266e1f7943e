namespace RelayActors.Runtime.Configuration;

/// <summary><c>include "file.conf"</c>: reads and parses the named file relative to the including one.</summary>
internal static class HoconInclude
{
    /// <summary>The fields of the included file, in order, for merging at the place of the include.</summary>
    public static IEnumerable<(string Key, HoconValue Value)> Load(
        HoconTokenStream tokens, HoconToken file, string? baseDirectory, IReadOnlyList<string> includeChain)
    {
        var shownPath = string.IsNullOrEmpty(baseDirectory) ? file.Text : Path.Combine(baseDirectory, file.Text);
        var fullPath = Path.GetFullPath(shownPath);
        if (includeChain.Contains(fullPath))
        {
            throw tokens.Error(file, $"include cycle: {string.Join(" -> ", includeChain.Append(fullPath))}");
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw tokens.Error(file, $"cannot read included file '{shownPath}': {e.Message}");
        }

        var included = HoconParser.ParseDocument(text, shownPath, Path.GetDirectoryName(fullPath), [.. includeChain, fullPath]);
        return included.Keys.Select(key => (key, included[key])).ToArray();
    }
}
