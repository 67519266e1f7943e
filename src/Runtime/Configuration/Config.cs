using System.Globalization;

namespace RelayActors.Runtime.Configuration;

/// <summary>
/// An immutable HOCON configuration tree. Substitutions are resolved against the whole merged tree on first
/// read, so a file may refer to keys that only a fallback (e.g. reference.conf) defines.
/// Paths are dotted (<c>relay-actors.runtime.throughput</c>); quote an element that contains dots.
/// </summary>
public sealed class Config
{
    private const string OverrideOrigin = "override";
    private static readonly HoconOrigin EmptyOrigin = new("empty", 0);

    private readonly HoconObject _root;
    private readonly string[] _prefix;
    private readonly bool _isResolved;
    private readonly Lazy<HoconObject> _resolved;

    private Config(HoconObject root, string[] prefix, bool isResolved)
    {
        _root = root;
        _prefix = prefix;
        _isResolved = isResolved;
        _resolved = isResolved ? new Lazy<HoconObject>(root) : new Lazy<HoconObject>(() => HoconResolver.Resolve(root, prefix));
    }

    public static Config Empty { get; } = new(new HoconObject(EmptyOrigin), [], isResolved: true);

    /// <summary>Direct child keys, in the order first written.</summary>
    public IReadOnlyList<string> Keys => _resolved.Value.Keys;

    /// <summary>The tree with substitutions resolved; its fields are this config's keys.</summary>
    internal HoconObject ResolvedRoot => _resolved.Value;

    /// <summary>The path of this config within the one it was taken from (<see cref="GetConfig"/>), for error messages.</summary>
    internal IReadOnlyList<string> Prefix => _prefix;

    /// <summary>Parses HOCON text; <paramref name="origin"/> names the source in errors and anchors relative includes.</summary>
    public static Config Parse(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hasOrigin = !string.IsNullOrEmpty(origin);
        var root = HoconParser.ParseDocument(
            text,
            hasOrigin ? origin! : "<string>",
            hasOrigin ? Path.GetDirectoryName(origin) : null,
            hasOrigin ? [Path.GetFullPath(origin!)] : []);
        return new Config(root, [], isResolved: false);
    }

    /// <summary>Reads and parses a file; includes in it are relative to its directory.</summary>
    public static Config Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"cannot read configuration file '{path}': {e.Message}", null, path, e);
        }

        return Parse(text, path);
    }

    /// <summary>Deep merge: values here win, objects merge key by key, keys missing here come from <paramref name="fallback"/>.</summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var merged = HoconObject.Merge(_root, fallback._root, secondWins: false);
        return new Config(merged, _prefix, _isResolved && fallback._isResolved);
    }

    /// <summary>
    /// Sets <paramref name="path"/> to <paramref name="hoconValue"/> parsed as a HOCON value (<c>5ms</c>, <c>[1, 2]</c>,
    /// <c>"quoted"</c>, <c>{ a = 1 }</c>), as if the line <c>path = value</c> were appended to the file.
    /// </summary>
    public Config WithValue(string path, string hoconValue)
    {
        var segments = ConfigPath.Parse(path);
        ArgumentNullException.ThrowIfNull(hoconValue);
        var value = HoconParser.ParseValue(hoconValue, OverrideOrigin, ConfigPath.Render(_prefix, segments));
        return new Config(Overlay(_root, segments, value), _prefix, isResolved: false);
    }

    /// <summary>
    /// Applies command-line assignments (<c>--set path=value</c>) in order, later ones winning. Each is split at its
    /// first '=' outside quotes, so the value may contain '=' and ':' (<c>seed-node=relay://sys@host:2552</c>); the
    /// value is HOCON as in <see cref="WithValue"/> except that '#' and '//' are text, not comments. Errors, now or
    /// from later reads, name the assignment as <c>--set path=value</c>.
    /// </summary>
    public Config WithOverrides(IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var root = _root;
        foreach (var text in assignments)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(assignments));
            var assignment = ConfigAssignment.Parse(text, _prefix);
            root = Overlay(root, assignment.Path, assignment.Value);
        }

        return new Config(root, _prefix, isResolved: false);
    }

    /// <summary>The object at <paramref name="path"/> (empty if missing); its errors still name full paths.</summary>
    public Config GetConfig(string path)
    {
        var segments = ConfigPath.Parse(path);
        string[] prefix = [.. _prefix, .. segments];
        return Find(segments) switch
        {
            null or HoconScalar { IsNull: true } => new Config(new HoconObject(EmptyOrigin), prefix, isResolved: true),
            HoconObject obj => new Config(obj, prefix, isResolved: true),
            var other => throw ConfigErrors.Invalid(ConfigPath.Render(prefix), other, "expected an object"),
        };
    }

    /// <summary>True when a non-null value is set at <paramref name="path"/>.</summary>
    public bool HasPath(string path) => Find(ConfigPath.Parse(path)) is { } value && value is not HoconScalar { IsNull: true };

    /// <summary>Resolves substitutions now, so that their errors surface at start-up; returns this.</summary>
    public Config Resolve()
    {
        _ = _resolved.Value;
        return this;
    }

    public string GetString(string path) => ConfigValueReader.ToText(Require(path, "a string"));

    public string GetString(string path, string @default) => TryGet(path, out var e) ? ConfigValueReader.ToText(e) : @default;

    public int GetInt(string path) => ConfigValueReader.ToInt(Require(path, "an integer"));

    public int GetInt(string path, int @default) => TryGet(path, out var e) ? ConfigValueReader.ToInt(e) : @default;

    /// <summary>The integer at <paramref name="path"/>, or <paramref name="default"/>; a set value must lie in [min, max].</summary>
    public int GetInt(string path, int @default, int min, int max)
    {
        CheckBounds(min, max);
        return TryGet(path, out var e) ? ConfigValueReader.InRange(e, ConfigValueReader.ToInt(e), min, max, FormatNumber) : @default;
    }

    public long GetLong(string path) => ConfigValueReader.ToLong(Require(path, "an integer"));

    public long GetLong(string path, long @default) => TryGet(path, out var e) ? ConfigValueReader.ToLong(e) : @default;

    public double GetDouble(string path) => ConfigValueReader.ToDouble(Require(path, "a number"));

    public double GetDouble(string path, double @default) => TryGet(path, out var e) ? ConfigValueReader.ToDouble(e) : @default;

    /// <summary>The number at <paramref name="path"/>, or <paramref name="default"/>; a set value must lie in [min, max].</summary>
    public double GetDouble(string path, double @default, double min, double max)
    {
        CheckBounds(min, max);
        return TryGet(path, out var e) ? ConfigValueReader.InRange(e, ConfigValueReader.ToDouble(e), min, max, FormatNumber) : @default;
    }

    /// <summary>Accepts true/false, yes/no and on/off.</summary>
    public bool GetBoolean(string path) => ConfigValueReader.ToBoolean(Require(path, "a boolean"));

    public bool GetBoolean(string path, bool @default) => TryGet(path, out var e) ? ConfigValueReader.ToBoolean(e) : @default;

    /// <summary>A number with an optional unit (<c>500ms</c>, <c>1.5 s</c>, <c>2 minutes</c>); a bare number is milliseconds.</summary>
    public TimeSpan GetDuration(string path) => ConfigValueReader.ToDuration(Require(path, "a duration"));

    public TimeSpan GetDuration(string path, TimeSpan @default) =>
        TryGet(path, out var e) ? ConfigValueReader.ToDuration(e) : @default;

    /// <summary>The duration at <paramref name="path"/>, or <paramref name="default"/>; a set value must lie in [min, max].</summary>
    public TimeSpan GetDuration(string path, TimeSpan @default, TimeSpan min, TimeSpan max)
    {
        CheckBounds(min, max);
        return TryGet(path, out var e)
            ? ConfigValueReader.InRange(e, ConfigValueReader.ToDuration(e), min, max, ConfigUnits.FormatDuration)
            : @default;
    }

    /// <summary>A size with an optional unit (<c>64MiB</c>, <c>10 kB</c>); a bare number is bytes.</summary>
    public long GetBytes(string path) => ConfigValueReader.ToBytes(Require(path, "a size in bytes"));

    public long GetBytes(string path, long @default) => TryGet(path, out var e) ? ConfigValueReader.ToBytes(e) : @default;

    public IReadOnlyList<string> GetStringList(string path) =>
        ConfigValueReader.ToList(Require(path, "a list of strings"), ConfigValueReader.ToText, "strings");

    public IReadOnlyList<double> GetDoubleList(string path) =>
        ConfigValueReader.ToList(Require(path, "a list of numbers"), ConfigValueReader.ToDouble, "numbers");

    /// <summary>
    /// The objects of the list at <paramref name="path"/>, each a config whose errors name it as <c>path[i]</c>
    /// (<c>runs = [{ algorithm = relaysgd }, …]</c>).
    /// </summary>
    public IReadOnlyList<Config> GetConfigList(string path)
    {
        var entry = Require(path, "a list of objects");
        if (entry.Value is not HoconArray array)
            throw entry.Fail("expected a list of objects");
        var segments = ConfigPath.Parse(path);
        var result = new Config[array.Items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            string[] prefix = [.. _prefix, .. segments[..^1], ConfigPath.ElementSegment(segments[^1], i)];
            result[i] = array.Items[i] is HoconObject obj
                ? new Config(obj, prefix, isResolved: true)
                : throw ConfigErrors.Invalid(ConfigPath.Render(prefix), array.Items[i], "expected an object");
        }
        return result;
    }

    /// <summary>Reads <c>relay-sum-model</c> as <c>RelaySumModel</c>; exact member names match ignoring case.</summary>
    public TEnum GetEnum<TEnum>(string path)
        where TEnum : struct, Enum =>
        ConfigValueReader.ToEnum<TEnum>(Require(path, "one of " + string.Join(", ", Enum.GetNames<TEnum>().Select(ConfigValueReader.ToKebabCase))));

    public TEnum GetEnum<TEnum>(string path, TEnum @default)
        where TEnum : struct, Enum =>
        TryGet(path, out var e) ? ConfigValueReader.ToEnum<TEnum>(e) : @default;

    /// <summary>
    /// Throws for every key set here that <paramref name="reference"/> does not define, with its origin and a
    /// "did you mean" suggestion. Empty objects in the reference are open maps.
    /// </summary>
    public void RejectUnknownKeys(Config reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        UnknownKeyChecker.Check(_resolved.Value, reference._resolved.Value, _prefix);
    }

    /// <summary>The effective (resolved) configuration as HOCON text that <see cref="Parse"/> reads back to the same values.</summary>
    public string Render() => HoconRenderer.Render(_resolved.Value);

    /// <summary>
    /// Like <see cref="Render"/> with the keys of every object in ordinal order: a canonical text, equal for equal
    /// configurations however their files ordered the keys (for identities such as a checkpoint's settings).
    /// </summary>
    public string RenderCanonical() => HoconRenderer.Render(_resolved.Value, sortKeys: true);

    /// <summary><paramref name="root"/> with <paramref name="value"/> set at <paramref name="path"/>, as if written after it.</summary>
    private static HoconObject Overlay(HoconObject root, string[] path, HoconValue value) =>
        HoconObject.Merge(root, (HoconObject)HoconObject.Wrap(path, value, value.Origin), secondWins: true);

    private static string FormatNumber<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static void CheckBounds<T>(T min, T max)
        where T : IComparable<T>
    {
        if (min.CompareTo(max) > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max must not be less than min ({min}).");
        }
    }

    private HoconValue? Find(string[] segments)
    {
        HoconValue? current = _resolved.Value;
        foreach (var segment in segments)
        {
            current = current is HoconObject obj && obj.TryGet(segment, out var child) ? child : null;
        }

        return current;
    }

    private ConfigEntry Require(string path, string expected)
    {
        var segments = ConfigPath.Parse(path);
        var fullPath = ConfigPath.Render(_prefix, segments);
        return new ConfigEntry(fullPath, Find(segments) ?? throw ConfigErrors.Missing(fullPath, expected));
    }

    private bool TryGet(string path, out ConfigEntry entry)
    {
        var segments = ConfigPath.Parse(path);
        var value = Find(segments);
        entry = value is null ? default : new ConfigEntry(ConfigPath.Render(_prefix, segments), value);
        return value is not null and not HoconScalar { IsNull: true };
    }
}
