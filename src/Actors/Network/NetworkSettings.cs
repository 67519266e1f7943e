using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Network;

/// <summary>
/// The emulated network (HOCON section <c>relay-actors.network</c>, see hocon/reference.conf): one
/// <see cref="LinkModel"/> for every directed edge, with per-edge overrides, the round timeout with which workers give
/// up on missing messages, and the seed offset of the links' random draws.
/// </summary>
public sealed record NetworkSettings
{
    /// <summary>Key prefix of these settings in HOCON.</summary>
    public const string ConfigPath = "relay-actors.network";

    /// <summary>
    /// The <c>relay-actors.network</c> section with its defaults; hocon/reference.conf carries the same text (with
    /// comments) and a test keeps them equal.
    /// </summary>
    public const string Reference = """
        relay-actors.network {
          latency = 0ms
          jitter = 0ms
          bandwidth = unlimited
          drop-probability = 0
          round-timeout = none
          notify-drops = false
          seed = 0
          edges {}
          outages {}
        }
        """;

    private static readonly ReadOnlyDictionary<(int From, int To), LinkModel> NoEdgeLinks = new(new Dictionary<(int, int), LinkModel>());

    /// <summary>Instant, lossless links; no round timeout; seed offset 0.</summary>
    public static NetworkSettings Default { get; } = new();

    /// <summary><c>latency</c>, <c>jitter</c>, <c>bandwidth</c>, <c>drop-probability</c>: the link of every directed edge without an override.</summary>
    public LinkModel Link
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Link));
    } = LinkModel.Instant;

    /// <summary>
    /// <c>round-timeout</c>: how long a worker waits for a round's missing messages before it gives up on them;
    /// null (<c>none</c>) waits forever. Positive.
    /// </summary>
    public TimeSpan? RoundTimeout
    {
        get;
        init
        {
            if (value <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(RoundTimeout), value, $"The round timeout must be positive (null for none); got {value}");
            field = value;
        }
    }

    /// <summary>
    /// <c>notify-drops</c>: when a link loses a message, the receiver gets a small loss notice at the time the message
    /// would have arrived (after the link's latency) and leaves the round without waiting, as the reference simulation
    /// does (spec §1.6). Off, a lost message is noticed only when <see cref="RoundTimeout"/> fires.
    /// </summary>
    public bool NotifyDrops { get; init; }

    /// <summary><c>outages</c>: scheduled silences of workers or links between two steps (none by default).</summary>
    public IReadOnlyList<Outage> Outages
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Any(o => o is null))
                throw new ArgumentNullException(nameof(Outages), "An outage is null");
            field = value.Count == 0 ? [] : value.ToArray();
        }
    } = [];

    /// <summary>Whether the message <paramref name="from"/> → <paramref name="to"/> of <paramref name="step"/> is lost to a scheduled outage.</summary>
    public bool IsSilenced(int from, int to, long step)
    {
        foreach (var outage in Outages)
            if (outage.Silences(from, to, step))
                return true;
        return false;
    }

    /// <summary><c>seed</c>: offset mixed into every link's generator (<see cref="RandomFor"/>), to vary the network alone.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// <c>edges</c>: complete link models of the directed edges that differ from <see cref="Link"/>, keyed by
    /// (from, to). Ids are not negative and an edge joins two different workers; the settings keep their own copy.
    /// </summary>
    public IReadOnlyDictionary<(int From, int To), LinkModel> EdgeLinks
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var ((from, to), model) in value)
            {
                CheckEdge(from, to, nameof(EdgeLinks));
                if (model is null)
                    throw new ArgumentNullException(nameof(EdgeLinks), $"The link model of edge {from}->{to} is null");
            }
            field = value.Count == 0 ? NoEdgeLinks : new ReadOnlyDictionary<(int, int), LinkModel>(value.ToDictionary());
        }
    } = NoEdgeLinks;

    /// <summary>
    /// Reads <c>relay-actors.network</c> from the root <paramref name="config"/> (missing keys take their defaults).
    /// Unknown keys, malformed edges and bad values throw <see cref="ConfigurationException"/> naming the full key
    /// path and the value; so does a drop probability without a round timeout (see <see cref="Validate"/>).
    /// </summary>
    public static NetworkSettings FromConfig(Config config) => NetworkSettingsReader.Read(config);

    /// <summary>The model of the directed link <paramref name="from"/> → <paramref name="to"/>.</summary>
    public LinkModel LinkFor(int from, int to)
    {
        CheckEdge(from, to, nameof(to));
        return EdgeLinks.TryGetValue((from, to), out var model) ? model : Link;
    }

    /// <summary>
    /// A generator for the link <paramref name="from"/> → <paramref name="to"/>, derived from (run seed,
    /// <see cref="Seed"/>, from, to) by a fixed hash, so it is the same in every process and on every platform, and
    /// independent of the order in which links are created.
    /// </summary>
    public Random RandomFor(int from, int to, int runSeed)
    {
        CheckEdge(from, to, nameof(to));
        // SplitMix64's finaliser after each 32-bit input (not HashCode.Combine, which is randomised per process).
        var state = Mix(0x9E3779B97F4A7C15UL ^ (uint)runSeed);
        state = Mix(state ^ (uint)Seed);
        state = Mix(state ^ (uint)from);
        state = Mix(state ^ (uint)to);
        // 31 bits: Random(int) treats a seed and its negation alike, so only non-negative seeds are distinct.
        return new Random((int)(state >> 33));
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when the settings cannot work: a link that drops messages, or an outage,
    /// while <see cref="RoundTimeout"/> is none and <see cref="NotifyDrops"/> off, so a worker would wait forever for a
    /// lost message.
    /// </summary>
    public void Validate()
    {
        if (RoundTimeout is not null || NotifyDrops)
            return;
        if (Outages.Count > 0)
            throw new ArgumentException(OutagesWaitForever(Outages[0]), nameof(RoundTimeout));
        if (Link.DropProbability > 0)
            throw new ArgumentException(WaitsForever($"{ConfigPath}.drop-probability", Link.DropProbability), nameof(RoundTimeout));
        foreach (var ((from, to), model) in EdgeLinks)
            if (model.DropProbability > 0)
                throw new ArgumentException(WaitsForever(EdgePath($"{from}->{to}") + ".drop-probability", model.DropProbability), nameof(RoundTimeout));
    }

    public bool Equals(NetworkSettings? other)
    {
        if (other is null || Link != other.Link || RoundTimeout != other.RoundTimeout || NotifyDrops != other.NotifyDrops || Seed != other.Seed
            || EdgeLinks.Count != other.EdgeLinks.Count || !Outages.SequenceEqual(other.Outages))
            return false;
        foreach (var (edge, model) in EdgeLinks)
            if (!other.EdgeLinks.TryGetValue(edge, out var otherModel) || model != otherModel)
                return false;
        return true;
    }

    public override int GetHashCode() => HashCode.Combine(Link, RoundTimeout, NotifyDrops, Seed, EdgeLinks.Count, Outages.Count);

    /// <summary>Full key path of the override of <paramref name="edge"/> (<c>0->1</c> or <c>2--3</c>).</summary>
    internal static string EdgePath(string edge) => $"{ConfigPath}.edges.\"{edge}\"";

    /// <summary>Why a dropping link without a round timeout is refused, and how to fix it.</summary>
    internal static string WaitsForever(string dropPath, double dropProbability) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{dropPath} = {dropProbability} but {ConfigPath}.round-timeout = none and {ConfigPath}.notify-drops = false: workers would wait forever for a dropped message. Set {ConfigPath}.notify-drops = true (receivers learn of each loss, as in the reference simulation), or a timeout, e.g. {ConfigPath}.round-timeout = 50ms, or make the drop probability 0");

    /// <summary>Why outages without a round timeout or loss notices are refused, and how to fix it.</summary>
    internal static string OutagesWaitForever(Outage first) =>
        $"{ConfigPath}.outages make {first} but {ConfigPath}.round-timeout = none and {ConfigPath}.notify-drops = false: workers would wait forever for the lost messages. Set {ConfigPath}.notify-drops = true, or a round timeout";

    private bool PrintMembers(StringBuilder builder)
    {
        var timeout = RoundTimeout is { } t ? t.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms" : "none";
        builder.Append(CultureInfo.InvariantCulture, $"Link = {Link}, RoundTimeout = {timeout}, NotifyDrops = {NotifyDrops}, Seed = {Seed}");
        foreach (var ((from, to), model) in EdgeLinks.OrderBy(e => e.Key))
            builder.Append(CultureInfo.InvariantCulture, $", {from}->{to} = {model}");
        foreach (var outage in Outages)
            builder.Append(CultureInfo.InvariantCulture, $", {outage}");
        return true;
    }

    private static void CheckEdge(int from, int to, string parameter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        if (from == to)
            throw new ArgumentException($"A link joins two different workers; got {from}->{to}", parameter);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
