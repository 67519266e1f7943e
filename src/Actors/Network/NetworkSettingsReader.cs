using System.Globalization;
using System.Text.RegularExpressions;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Network;

/// <summary>
/// Reads <c>relay-actors.network</c> into <see cref="NetworkSettings"/>. Edge overrides are objects under
/// <c>edges</c> keyed <c>"from->to"</c> (one direction) or <c>"a--b"</c> (both); each sets any of the link keys and
/// takes the rest from the section. A directed override refines an undirected one of the same pair, whatever the
/// order in the file; naming one directed edge twice (<c>"1--2"</c> and <c>"2--1"</c>) is an error.
/// </summary>
internal static partial class NetworkSettingsReader
{
    private const string Unlimited = "unlimited";
    private const string BandwidthHint = " (a size per second: 125MB means 125 MB/s)";

    // Durations above a year are typos, and the bound keeps the range message readable ("between 0ns and 365d").
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);
    private static readonly string[] NoTimeout = ["none", "off"];
    private static readonly Lazy<Config> ReferenceConfig = new(() => Config.Parse(NetworkSettings.Reference, "NetworkSettings.Reference"));
    private static readonly Lazy<Config> EdgeReference = new(() => Config.Parse(
        "latency = 0ms, jitter = 0ms, bandwidth = unlimited, drop-probability = 0", "NetworkSettings edge reference"));

    [GeneratedRegex(@"^(\d+)(->|--)(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex EdgePattern();

    [GeneratedRegex(@"^worker (\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkerKey();

    [GeneratedRegex(@"^\s*(\d+)\s*\.\.\s*(\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    public static NetworkSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig.Value);
        var section = merged.GetConfig(NetworkSettings.ConfigPath);
        section.RejectUnknownKeys(ReferenceConfig.Value.GetConfig(NetworkSettings.ConfigPath));

        var drop = default((string Path, double P)?);
        var link = ReadLink(section, NetworkSettings.ConfigPath, LinkModel.Instant, ref drop);
        var roundTimeout = ReadUnless(section, "round-timeout", NoTimeout, "", key => section.GetDuration(key, TimeSpan.Zero, TimeSpan.FromTicks(1), MaxDuration));
        var settings = new NetworkSettings
        {
            Link = link,
            RoundTimeout = roundTimeout,
            NotifyDrops = section.GetBoolean("notify-drops"),
            Seed = section.GetInt("seed"),
            EdgeLinks = ReadEdges(section.GetConfig("edges"), link, ref drop),
            Outages = ReadOutages(section.GetConfig("outages")),
        };
        if (roundTimeout is not null || settings.NotifyDrops)
            return settings;
        if (drop is { } dropping)
            throw new ConfigurationException(NetworkSettings.WaitsForever(dropping.Path, dropping.P), dropping.Path, null);
        if (settings.Outages.Count > 0)
            throw new ConfigurationException(NetworkSettings.OutagesWaitForever(settings.Outages[0]), $"{NetworkSettings.ConfigPath}.outages", null);
        return settings;
    }

    /// <summary>
    /// <c>outages { "worker 5" = ["100..200"], "2--3" = ["10..20", "40..45"], "0->1" = [...] }</c>: each key names a
    /// worker or a link (both directions with <c>--</c>), each value lists step ranges <c>from..to</c> (to exclusive).
    /// </summary>
    private static List<Outage> ReadOutages(Config outages)
    {
        var list = new List<Outage>();
        foreach (var key in outages.Keys.Order(StringComparer.Ordinal))
        {
            var path = $"{NetworkSettings.ConfigPath}.outages.\"{key}\"";
            var worker = WorkerKey().Match(key);
            var edge = EdgePattern().Match(key);
            if (!worker.Success && !(edge.Success && TryId(edge.Groups[1].Value, out var a0) && TryId(edge.Groups[3].Value, out var b0) && a0 != b0))
                throw new ConfigurationException(
                    $"{path}: malformed outage \"{key}\"; write \"worker 5\" for a worker, \"a--b\" for a link in both directions or \"from->to\" for one, e.g. \"worker 5\" = [\"100..200\"]",
                    path, null);
            IReadOnlyList<string> ranges;
            try
            {
                ranges = outages.GetStringList($"\"{key}\"");
            }
            catch (ConfigurationException e)
            {
                throw new ConfigurationException($"{path}: expected a list of step ranges such as [\"100..200\"]; {e.Message}", path, null, e);
            }
            if (ranges.Count == 0)
                throw new ConfigurationException($"{path} = []: list at least one step range such as \"100..200\", or remove the key", path, null);
            foreach (var range in ranges)
            {
                var match = RangePattern().Match(range);
                if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                    || !long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to <= from)
                    throw new ConfigurationException(
                        $"{path}: step range \"{range}\" must read from..to with whole steps, to above from (silent from step 'from' until just before step 'to'), e.g. \"100..200\"",
                        path, null);
                if (worker.Success)
                {
                    if (!TryId(worker.Groups[1].Value, out var id))
                        throw new ConfigurationException($"{path}: worker id out of range", path, null);
                    list.Add(Outage.OfWorker(id, from, to));
                }
                else
                {
                    TryId(edge.Groups[1].Value, out var a);
                    TryId(edge.Groups[3].Value, out var b);
                    list.Add(Outage.OfLink(a, b, edge.Groups[2].Value == "--", from, to));
                }
            }
        }
        return list;
    }

    private static Dictionary<(int From, int To), LinkModel> ReadEdges(Config edges, LinkModel link, ref (string Path, double P)? drop)
    {
        var undirected = new List<(int A, int B, string Key)>();
        var directed = new List<(int From, int To, string Key)>();
        foreach (var key in edges.Keys)
        {
            var match = EdgePattern().Match(key);
            if (!match.Success || !TryId(match.Groups[1].Value, out var a) || !TryId(match.Groups[3].Value, out var b) || a == b)
                throw new ConfigurationException(
                    $"{NetworkSettings.EdgePath(key)}: malformed edge \"{key}\"; write \"from->to\" for one direction or \"a--b\" for both, with two different worker ids (e.g. \"0->1\")",
                    NetworkSettings.EdgePath(key), null);
            (match.Groups[2].Value == "--" ? undirected : directed).Add((a, b, key));
        }

        var links = new Dictionary<(int From, int To), LinkModel>();
        var namedBy = new Dictionary<(int From, int To), string>();
        foreach (var (a, b, key) in undirected)
        {
            var model = ReadEdge(edges, key, link, ref drop);
            foreach (var edge in new[] { (a, b), (b, a) })
            {
                Claim(namedBy, edge, key);
                links[edge] = model;
            }
        }
        namedBy.Clear();
        foreach (var (from, to, key) in directed)
        {
            Claim(namedBy, (from, to), key);
            links[(from, to)] = ReadEdge(edges, key, links.GetValueOrDefault((from, to), link), ref drop);
        }
        return links;
    }

    private static LinkModel ReadEdge(Config edges, string key, LinkModel inherited, ref (string Path, double P)? drop)
    {
        var edge = edges.GetConfig($"\"{key}\"");
        edge.RejectUnknownKeys(EdgeReference.Value);
        return ReadLink(edge, NetworkSettings.EdgePath(key), inherited, ref drop);
    }

    /// <summary>The link keys set in <paramref name="c"/> over <paramref name="inherited"/>; remembers the first path that sets drops.</summary>
    private static LinkModel ReadLink(Config c, string path, LinkModel inherited, ref (string Path, double P)? drop)
    {
        var model = new LinkModel
        {
            Latency = c.GetDuration("latency", inherited.Latency, TimeSpan.Zero, MaxDuration),
            Jitter = c.GetDuration("jitter", inherited.Jitter, TimeSpan.Zero, MaxDuration),
            Bandwidth = c.HasPath("bandwidth") ? ReadUnless(c, "bandwidth", [Unlimited], BandwidthHint, key => Positive(c, path, key)) : inherited.Bandwidth,
            DropProbability = ReadDropProbability(c, path, inherited.DropProbability),
        };
        if (drop is null && model.DropProbability > 0 && c.HasPath("drop-probability"))
            drop = ($"{path}.drop-probability", model.DropProbability);
        return model;
    }

    private static double Positive(Config c, string path, string key)
    {
        var bytes = c.GetBytes(key);
        return bytes > 0
            ? bytes
            : throw new ConfigurationException($"{path}.{key} = {c.GetString(key)}: must be positive", $"{path}.{key}", null);
    }

    private static double ReadDropProbability(Config c, string path, double inherited)
    {
        var p = c.GetDouble("drop-probability", inherited, 0, 1);
        return p < 1
            ? p
            : throw new ConfigurationException($"{path}.drop-probability = {c.GetString("drop-probability")}: must be less than 1 (a link that drops everything is no link)", $"{path}.drop-probability", null);
    }

    /// <summary>Null when the value at <paramref name="key"/> is one of <paramref name="off"/>; otherwise <paramref name="read"/>, whose errors learn the alternative.</summary>
    private static T? ReadUnless<T>(Config c, string key, string[] off, string hint, Func<string, T> read)
        where T : struct
    {
        if (off.Contains(c.GetString(key)))
            return null;
        try
        {
            return read(key);
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"{e.Message}; or {string.Join(" or ", off)}{hint}", e.Path, e.Origin, e);
        }
    }

    private static void Claim(Dictionary<(int From, int To), string> namedBy, (int From, int To) edge, string key)
    {
        if (namedBy.TryGetValue(edge, out var earlier))
            throw new ConfigurationException(
                $"{NetworkSettings.EdgePath(key)}: edge {edge.From}->{edge.To} is already set by {NetworkSettings.EdgePath(earlier)}; merge the two overrides",
                NetworkSettings.EdgePath(key), null);
        namedBy.Add(edge, key);
    }

    private static bool TryId(string digits, out int id) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
