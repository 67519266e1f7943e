using System.Globalization;

namespace RelayActors.Host.Configuration;

/// <summary>
/// Slurm's compressed host lists (<c>SLURM_JOB_NODELIST</c>, <c>scontrol show hostnames</c>): comma-separated items,
/// each a prefix with bracketed ranges such as <c>gpu[01-03,07]</c>; zero padding is kept (<c>01</c>), several bracket
/// groups multiply out (<c>r[1-2]n[1-2]</c> is r1n1, r1n2, r2n1, r2n2), commas inside brackets do not split items.
/// </summary>
internal static class SlurmHostList
{
    /// <summary>Expansions longer than this are rejected: no real job has that many hosts, and a typo should not allocate gigabytes.</summary>
    public const int MaxHosts = 100_000;

    /// <summary>The hosts of <paramref name="list"/> in order, e.g. <c>gpu[01-03,07],login1</c> → gpu01, gpu02, gpu03, gpu07, login1.</summary>
    /// <exception cref="FormatException">The list is empty or malformed (unbalanced or nested brackets, an empty item or range, a bound that is not a number, a range running backwards); the message says where.</exception>
    public static IReadOnlyList<string> Expand(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var hosts = new List<string>();
        foreach (var item in SplitTopLevel(list))
        {
            if (item.Length == 0)
                throw new FormatException($"empty host name in '{list}'");
            foreach (var host in ExpandItem(item))
            {
                if (hosts.Count == MaxHosts)
                    throw new FormatException($"'{list}' expands to more than {MaxHosts} hosts");
                hosts.Add(host);
            }
        }
        return hosts;
    }

    /// <summary>The first host of <paramref name="list"/> (a job's seed node); the whole list must be well formed.</summary>
    public static string First(string list) => Expand(list)[0];

    private static List<string> SplitTopLevel(string list)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '[':
                    if (++depth > 1)
                        throw new FormatException($"nested '[' at position {i} of '{list}'");
                    break;
                case ']':
                    if (--depth < 0)
                        throw new FormatException($"']' without '[' at position {i} of '{list}'");
                    break;
                case ',' when depth == 0:
                    items.Add(list[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }
        if (depth != 0)
            throw new FormatException($"'[' not closed in '{list}'");
        items.Add(list[start..].Trim());
        return items;
    }

    private static IEnumerable<string> ExpandItem(string item)
    {
        var open = item.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            yield return item;
            yield break;
        }
        var close = item.IndexOf(']', open);
        var prefix = item[..open];
        var rest = item[(close + 1)..];
        foreach (var middle in ExpandRanges(item, item[(open + 1)..close]))
            foreach (var tail in ExpandItem(rest))
                yield return prefix + middle + tail;
    }

    private static IEnumerable<string> ExpandRanges(string item, string ranges)
    {
        foreach (var part in ranges.Split(','))
        {
            var range = part.Trim();
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var low = dash < 0 ? range : range[..dash];
            var high = dash < 0 ? range : range[(dash + 1)..];
            if (!IsNumber(low) || !IsNumber(high))
                throw new FormatException($"'[{ranges}]' in '{item}' holds '{range}', which is not a number or a range like 01-03");
            var from = long.Parse(low, NumberStyles.None, CultureInfo.InvariantCulture);
            var to = long.Parse(high, NumberStyles.None, CultureInfo.InvariantCulture);
            if (to < from)
                throw new FormatException($"range '{range}' in '{item}' runs backwards");
            if (to - from >= MaxHosts)
                throw new FormatException($"range '{range}' in '{item}' expands to more than {MaxHosts} hosts");
            for (var n = from; n <= to; n++)
                yield return n.ToString(CultureInfo.InvariantCulture).PadLeft(low.Length, '0');
        }
    }

    private static bool IsNumber(string text) => text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit);
}
