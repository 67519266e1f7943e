using System.Text;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Configuration;

/// <summary>
/// The shared secret that authenticates cluster members to each other. Its bytes never appear in text:
/// <see cref="ToString"/> names only where it came from (a file path or an environment variable).
/// </summary>
internal sealed class ClusterSecret
{
    private readonly byte[] _bytes;

    private ClusterSecret(byte[] bytes, string source)
    {
        _bytes = bytes;
        Source = source;
    }

    /// <summary>Where the secret was read: <c>file /path</c> or <c>RELAY_CLUSTER_SECRET</c>.</summary>
    public string Source { get; }

    /// <summary>A copy of the secret, for the transport's handshake.</summary>
    public byte[] ToArray() => [.. _bytes];

    /// <summary>
    /// The contents of <paramref name="path"/>, without trailing line breaks (so <c>echo secret &gt; file</c> and an
    /// editor's final newline give the same secret).
    /// </summary>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or empty; the message names the path and <paramref name="origin"/> (the flag or key that named it).</exception>
    public static ClusterSecret FromFile(string path, string origin)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"{origin}: cannot read the cluster secret file '{path}': {ex.Message}", origin, null, ex);
        }
        var length = bytes.Length;
        while (length > 0 && bytes[length - 1] is (byte)'\n' or (byte)'\r')
            length--;
        if (length == 0)
            throw new ConfigurationException($"{origin}: the cluster secret file '{path}' is empty", origin, null);
        return new ClusterSecret(bytes[..length], $"file {path}");
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, read from the environment variable <paramref name="variable"/>.</summary>
    /// <exception cref="ConfigurationException">The value is empty.</exception>
    public static ClusterSecret FromEnvironment(string variable, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0
            ? new ClusterSecret(Encoding.UTF8.GetBytes(text), variable)
            : throw new ConfigurationException($"{variable} is set but empty; unset it or give the cluster secret", variable, null);
    }

    public override string ToString() => $"secret from {Source}";
}
