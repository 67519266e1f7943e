using System.Globalization;
using System.Text;

namespace RelayActors.Runtime.Kernel;

/// <summary>Where an actor system lives: <c>relay://system</c> locally, <c>relay://system@host:port</c> when remote.</summary>
public sealed record Address(string System, string? Host = null, int? Port = null)
{
    /// <summary>The URI scheme of every RelayActors address.</summary>
    public const string Protocol = "relay";

    /// <summary>True when the address names no host (an in-process system).</summary>
    public bool IsLocal => Host is null;

    public override string ToString() =>
        Host is null ? $"{Protocol}://{System}" : string.Create(CultureInfo.InvariantCulture, $"{Protocol}://{System}@{Host}:{Port}");
}

/// <summary>
/// Location of an actor in the hierarchy, e.g. <c>relay://training/user/worker-3</c> or
/// <c>relay://training@10.0.0.2:4711/user/worker-3</c>. Immutable; equality ignores nothing but the text.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string[] _elements;
    private readonly string _text;

    private ActorPath(Address address, string[] elements)
    {
        Address = address;
        _elements = elements;
        _text = Render(address, elements);
    }

    /// <summary>The system (and, for remote paths, host and port) this path lives in.</summary>
    public Address Address { get; }

    /// <summary>Path elements below the root, e.g. <c>["user", "worker-3"]</c>.</summary>
    public IReadOnlyList<string> Elements => _elements;

    /// <summary>Last element; "/" for the root.</summary>
    public string Name => _elements.Length == 0 ? "/" : _elements[^1];

    /// <summary>The root path of <paramref name="address"/>.</summary>
    public static ActorPath Root(Address address) => new(address, []);

    /// <summary>A child path; <paramref name="name"/> must be a valid actor name.</summary>
    public ActorPath Child(string name)
    {
        ValidateName(name);
        var elements = new string[_elements.Length + 1];
        _elements.CopyTo(elements, 0);
        elements[^1] = name;
        return new ActorPath(Address, elements);
    }

    /// <summary>Same elements on another address (used when a local path is exposed remotely).</summary>
    public ActorPath WithAddress(Address address) => new(address, _elements);

    /// <summary>Parses <c>relay://system[@host:port]/a/b</c>.</summary>
    public static ActorPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var path, out var error))
            throw new FormatException($"Invalid actor path '{text}': {error}");
        return path;
    }

    /// <summary>Parses without throwing; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out ActorPath path, out string error)
    {
        path = null!;
        var prefix = Address.Protocol + "://";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            error = $"must start with '{prefix}'";
            return false;
        }
        var rest = text[prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var pathPart = slash < 0 ? "" : rest[(slash + 1)..];
        string system;
        string? host = null;
        int? port = null;
        var at = authority.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
            system = authority;
        else
        {
            system = authority[..at];
            var hostPort = authority[(at + 1)..];
            var colon = hostPort.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 0 or > 65535)
            {
                error = $"'{hostPort}' is not host:port with a port in 0..65535";
                return false;
            }
            host = hostPort[..colon];
            port = p;
        }
        if (!IsValidSystemName(system))
        {
            error = $"system name '{system}' must be non-empty and use only letters, digits, '-' and '_'";
            return false;
        }
        var elements = pathPart.Length == 0 ? [] : pathPart.Split('/');
        foreach (var element in elements)
        {
            if (InvalidNameReason(element) is { } reason)
            {
                error = $"element '{element}' {reason}";
                return false;
            }
        }
        path = new ActorPath(new Address(system, host, port), elements);
        error = "";
        return true;
    }

    /// <summary>Throws <see cref="InvalidActorNameException"/> unless <paramref name="name"/> is usable as an actor name.</summary>
    public static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (InvalidNameReason(name) is { } reason)
            throw new InvalidActorNameException($"Invalid actor name '{name}': it {reason}.");
    }

    internal static bool IsValidSystemName(string name)
    {
        if (name.Length == 0)
            return false;
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                return false;
        return true;
    }

    private static string? InvalidNameReason(string name)
    {
        if (name.Length == 0)
            return "is empty";
        foreach (var c in name)
        {
            // Akka's allowed set minus '/', '#' and whitespace: they would break path parsing.
            if (!(char.IsAsciiLetterOrDigit(c) || "-_.:@&=+,!~*'$;".Contains(c, StringComparison.Ordinal)))
                return $"contains '{c}' (allowed: letters, digits and -_.:@&=+,!~*'$;)";
        }
        return null;
    }

    private static string Render(Address address, string[] elements)
    {
        var sb = new StringBuilder(address.ToString());
        if (elements.Length == 0)
            sb.Append('/');
        foreach (var e in elements)
            sb.Append('/').Append(e);
        return sb.ToString();
    }

    public bool Equals(ActorPath? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    public override string ToString() => _text;
}
