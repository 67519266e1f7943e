using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace RelayActors.Runtime.Configuration;

/// <summary>
/// Serves a resolved HOCON configuration to Microsoft.Extensions.Configuration, so settings can be bound to typed
/// objects. Keys keep their case and join with ':' (<c>relay-actors:training:learning-rate</c>); list elements get
/// their index (<c>seeds:0</c>, <c>layers:1:size</c>); null, and an empty object or list, is a key with a null
/// value (as in the JSON provider). Scalars keep the text written, units included (<c>5ms</c>, <c>4MiB</c>,
/// <c>yes</c>): the binder's converters read <c>00:00:05</c> as a TimeSpan, <c>true</c> as a bool and
/// <c>RelaySumModel</c> as an enum, but not <c>5ms</c>, <c>yes</c> or <c>relay-sum-model</c>; read such settings
/// with <see cref="Config.GetDuration(string)"/>, <see cref="Config.GetBoolean(string)"/> and
/// <see cref="Config.GetEnum{TEnum}(string)"/>.
/// </summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    public HoconConfigurationProvider(HoconConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>Reads the file, if the source names one, and flattens the configuration into keys.</summary>
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if ((_source.Config ?? ReadFile()) is { } config)
        {
            foreach (var key in config.ResolvedRoot.Keys)
            {
                Add(data, key, ConfigPath.Render(config.Prefix, [key]), config.ResolvedRoot[key]);
            }
        }

        Data = data;
    }

    private Config? ReadFile()
    {
        var path = _source.Path!;
        return _source.Optional && !File.Exists(path) ? null : Config.Load(path);
    }

    /// <summary>Adds <paramref name="value"/> under <paramref name="key"/>; <paramref name="shownPath"/> is its HOCON path (<c>a.b[2]</c>).</summary>
    private static void Add(Dictionary<string, string?> data, string key, string shownPath, HoconValue value)
    {
        switch (value)
        {
            case HoconObject { Keys.Count: > 0 } obj:
                foreach (var child in obj.Keys)
                {
                    Add(data, ConfigurationPath.Combine(key, child), shownPath + "." + ConfigPath.RenderKey(child), obj[child]);
                }

                break;
            case HoconArray { Items.Count: > 0 } array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    Add(data, ConfigurationPath.Combine(key, index), $"{shownPath}[{index}]", array.Items[i]);
                }

                break;
            case HoconObject or HoconArray or HoconScalar { IsNull: true }:
                Set(data, key, shownPath, value, null);
                break;
            case HoconScalar scalar:
                Set(data, key, shownPath, value, scalar.Text);
                break;
            default:
                throw new UnreachableException($"{shownPath} is still a {value.GetType().Name} after resolution");
        }
    }

    private static void Set(Dictionary<string, string?> data, string key, string shownPath, HoconValue value, string? text)
    {
        // Keys compare ignoring case, and ':' in a quoted HOCON key nests: two settings may land on one key.
        if (!data.TryAdd(key, text))
        {
            throw ConfigErrors.Invalid(
                shownPath, value, $"its configuration key '{key}' is already taken by another setting (keys that differ only in case or contain ':' collide)");
        }
    }
}
