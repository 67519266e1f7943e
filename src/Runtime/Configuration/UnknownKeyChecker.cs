namespace RelayActors.Runtime.Configuration;

/// <summary>
/// Finds keys that a reference configuration does not define (typos, stale settings). An empty object in the
/// reference below its root is an open map: any keys are allowed inside it.
/// </summary>
internal static class UnknownKeyChecker
{
    private const int MaxSuggestionDistance = 2;

    public static void Check(HoconObject actual, HoconObject reference, IReadOnlyList<string> prefix)
    {
        var problems = new List<ConfigurationException>();
        Walk(actual, reference, prefix, isRoot: true, problems);
        if (problems.Count == 1)
        {
            throw problems[0];
        }

        if (problems.Count > 1)
        {
            var lines = string.Join('\n', problems.Select(p => p.Message));
            throw new ConfigurationException($"{problems.Count} unknown configuration keys:\n{lines}", problems[0].Path, problems[0].Origin);
        }
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var rows = new int[a.Length + 1][];
        for (var i = 0; i <= a.Length; i++)
        {
            rows[i] = new int[b.Length + 1];
            rows[i][0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(rows[i - 1][j] + 1, rows[i][j - 1] + 1), rows[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, rows[i - 2][j - 2] + 1);
                }

                rows[i][j] = best;
            }
        }

        return rows[a.Length][b.Length];
    }

    private static void Walk(
        HoconObject actual, HoconObject reference, IReadOnlyList<string> path, bool isRoot, List<ConfigurationException> problems)
    {
        if (!isRoot && reference.Keys.Count == 0)
        {
            return;
        }

        foreach (var key in actual.Keys)
        {
            string[] keyPath = [.. path, key];
            if (!reference.TryGet(key, out var expected))
            {
                var suggestion = Suggest(key, reference.Keys);
                var problem = suggestion is null ? "unknown key" : $"unknown key; did you mean '{suggestion}'?";
                problems.Add(ConfigErrors.Invalid(ConfigPath.Render(keyPath), actual[key], problem));
            }
            else if (actual[key] is HoconObject actualChild && expected is HoconObject referenceChild)
            {
                Walk(actualChild, referenceChild, keyPath, isRoot: false, problems);
            }
        }
    }

    private static string? Suggest(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(key, candidate);
            if (distance < bestDistance && distance <= MaxSuggestionDistance && distance < key.Length)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }
}
