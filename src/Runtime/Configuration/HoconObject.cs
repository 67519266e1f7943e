using System.Diagnostics.CodeAnalysis;

namespace RelayActors.Runtime.Configuration;

/// <summary>An object whose fields keep the order in which they were first written.</summary>
internal sealed class HoconObject : HoconValue
{
    private readonly Dictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public HoconObject(HoconOrigin origin)
        : base(origin)
    {
    }

    public IReadOnlyList<string> Keys => _keys;

    public HoconValue this[string key] => _fields[key];

    public bool TryGet(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    /// <summary>Sets a field, replacing an earlier value in place (the key keeps its first position).</summary>
    public void Set(string key, HoconValue value)
    {
        if (!_fields.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _fields[key] = value;
    }

    /// <summary>A later duplicate field: objects deep-merge, anything else replaces the earlier value.</summary>
    public void MergeField(string key, HoconValue value)
    {
        if (_fields.TryGetValue(key, out var earlier))
        {
            value = earlier is HoconObject earlierObject && value is HoconObject later
                ? Merge(earlierObject, later, secondWins: true)
                : HoconSubstitution.Override(value, earlier);
        }

        Set(key, value);
    }

    /// <summary>Deep merge without modifying either input; keys of <paramref name="first"/> come first.</summary>
    public static HoconObject Merge(HoconObject first, HoconObject second, bool secondWins)
    {
        var result = new HoconObject(first.Origin);
        foreach (var key in first.Keys)
        {
            result.Set(key, first._fields[key]);
        }

        foreach (var key in second.Keys)
        {
            var value = second._fields[key];
            if (!result._fields.TryGetValue(key, out var existing))
            {
                result.Set(key, value);
            }
            else if (existing is HoconObject existingObject && value is HoconObject valueObject)
            {
                result.Set(key, Merge(existingObject, valueObject, secondWins));
            }
            else
            {
                result.Set(key, secondWins ? HoconSubstitution.Override(value, existing) : HoconSubstitution.Override(existing, value));
            }
        }

        return result;
    }

    /// <summary>Nests <paramref name="value"/> in one object per path element: ["a","b"] -> { a { b = value } }.</summary>
    public static HoconValue Wrap(IEnumerable<string> path, HoconValue value, HoconOrigin origin)
    {
        foreach (var key in path.Reverse())
        {
            var outer = new HoconObject(origin);
            outer.Set(key, value);
            value = outer;
        }

        return value;
    }
}
