using System.Text;

namespace RelayActors.Runtime.Configuration;

/// <summary>
/// Replaces substitutions with the values they name, looked up from the root of the merged tree. An optional
/// substitution that names nothing falls back to the value it overrode, or else removes its field (or list element).
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly IReadOnlyList<string> _prefix;
    private readonly Dictionary<HoconValue, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconValue> _inProgress = [];

    private HoconResolver(HoconObject root, IReadOnlyList<string> prefix)
    {
        _root = root;
        _prefix = prefix;
    }

    /// <summary>A new tree without substitutions; <paramref name="prefix"/> only qualifies paths in error messages.</summary>
    public static HoconObject Resolve(HoconObject root, IReadOnlyList<string> prefix) =>
        (HoconObject)new HoconResolver(root, prefix).Resolve(root, [])!;

    private HoconValue? Resolve(HoconValue value, IReadOnlyList<string> path)
    {
        if (value is HoconScalar)
        {
            return value;
        }

        if (_resolved.TryGetValue(value, out var done))
        {
            return done;
        }

        HoconValue? result;
        switch (value)
        {
            case HoconObject obj:
                var resolvedObject = new HoconObject(obj.Origin);
                foreach (var key in obj.Keys)
                {
                    if (Resolve(obj[key], [.. path, key]) is { } child)
                    {
                        resolvedObject.Set(key, child);
                    }
                }

                result = resolvedObject;
                break;
            case HoconArray array:
                result = new HoconArray([.. array.Items.Select(item => Resolve(item, path)).OfType<HoconValue>()], array.Origin);
                break;
            default:
                if (_inProgress.Contains(value))
                {
                    throw Cycle(value, path);
                }

                _inProgress.Add(value);
                result = value is HoconSubstitution substitution
                    ? ResolveSubstitution(substitution, path)
                    : ResolveConcatenation((HoconConcatenation)value, path);
                _inProgress.RemoveAt(_inProgress.Count - 1);
                break;
        }

        _resolved[value] = result;
        return result;
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution, IReadOnlyList<string> path)
    {
        var target = Lookup(substitution.Path);
        if (target is null && substitution.Fallback is { } fallback)
        {
            return Resolve(fallback, path);
        }

        if (target is null && !substitution.Optional)
        {
            throw ConfigErrors.Invalid(
                ConfigPath.Render(_prefix, path), substitution, $"could not resolve substitution {substitution}");
        }

        return target;
    }

    private HoconScalar ResolveConcatenation(HoconConcatenation concatenation, IReadOnlyList<string> path)
    {
        var text = new StringBuilder();
        foreach (var part in concatenation.Parts)
        {
            switch (Resolve(part, path))
            {
                case null:
                    break;
                case HoconScalar scalar:
                    text.Append(scalar.IsNull ? string.Empty : scalar.Text);
                    break;
                default:
                    throw ConfigErrors.Invalid(
                        ConfigPath.Render(_prefix, path),
                        concatenation,
                        $"cannot concatenate {HoconRenderer.Inline(part)} (an object or array) with text");
            }
        }

        return new HoconScalar(HoconScalarKind.String, text.ToString(), quoted: true, concatenation.Origin);
    }

    /// <summary>The fully resolved value at <paramref name="path"/>, or null when there is none.</summary>
    private HoconValue? Lookup(IReadOnlyList<string> path)
    {
        HoconValue? current = _root;
        for (var i = 0; i < path.Count; i++)
        {
            if (current is not HoconObject obj || !obj.TryGet(path[i], out var child))
            {
                return null;
            }

            // Objects on the way are navigated as written: resolving them whole could re-enter the caller.
            current = child is HoconSubstitution or HoconConcatenation ? Resolve(child, path.Take(i + 1).ToArray()) : child;
        }

        return current is null ? null : Resolve(current, path);
    }

    private ConfigurationException Cycle(HoconValue value, IReadOnlyList<string> path)
    {
        var chain = _inProgress.Skip(_inProgress.IndexOf(value)).OfType<HoconSubstitution>().ToList();
        var shown = string.Join(" -> ", chain.Append(chain[0]));
        return ConfigErrors.Invalid(ConfigPath.Render(_prefix, path), value, $"cycle in substitutions: {shown}");
    }
}
