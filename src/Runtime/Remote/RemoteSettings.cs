using System.Globalization;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Remote;

/// <summary>Settings of the TCP remote transport (HOCON section <c>relay-actors.remote</c>).</summary>
public sealed record RemoteSettings
{
    /// <summary>The HOCON path of this section.</summary>
    public const string SectionPath = "relay-actors.remote";

    /// <summary>Host name or IP the listener binds and advertises in this system's address.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 binds any free port (the actual one is in the transport's address).</summary>
    public int Port { get; init; }

    /// <summary>Largest message (header, paths and payload) sent or accepted; larger frames are refused.</summary>
    public long MaximumMessageSize { get; init; } = 256L * 1024 * 1024;

    /// <summary>Bulk payloads are written to and read from the socket in pieces of this size.</summary>
    public int ChunkSize { get; init; } = 1024 * 1024;

    /// <summary>Bytes queued per association lane before senders are back-pressured (one message is always admitted).</summary>
    public long SendBufferLimit { get; init; } = 64L * 1024 * 1024;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait after a failed connect; doubles per failure up to <see cref="ReconnectBackoffMax"/>.</summary>
    public TimeSpan ReconnectBackoffMin { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectBackoffMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shared secret for the HMAC-SHA256 handshake; null = no authentication. Never logged nor printed.</summary>
    public byte[]? Secret { get; init; }

    /// <summary>The defaults of reference.conf.</summary>
    public static RemoteSettings Default { get; } = new();

    /// <summary>Reads the <c>relay-actors.remote</c> section (pass that section); absent keys keep their defaults.</summary>
    public static RemoteSettings FromConfig(Config section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var d = Default;
        var settings = new RemoteSettings
        {
            Hostname = section.GetString("hostname", d.Hostname),
            Port = section.GetInt("port", d.Port),
            MaximumMessageSize = section.GetBytes("maximum-message-size", d.MaximumMessageSize),
            ChunkSize = checked((int)Math.Min(int.MaxValue, section.GetBytes("chunk-size", d.ChunkSize))),
            SendBufferLimit = section.GetBytes("send-buffer-limit", d.SendBufferLimit),
            ConnectTimeout = section.GetDuration("connect-timeout", d.ConnectTimeout),
            HandshakeTimeout = section.GetDuration("handshake-timeout", d.HandshakeTimeout),
            ReconnectBackoffMin = section.GetDuration("reconnect-backoff-min", d.ReconnectBackoffMin),
            ReconnectBackoffMax = section.GetDuration("reconnect-backoff-max", d.ReconnectBackoffMax),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Throws <see cref="ConfigurationException"/> naming the key and value of the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Hostname))
            throw Invalid("hostname", $"'{Hostname}'", "must not be empty");
        if (Port is < 0 or > 65535)
            throw Invalid("port", Port, "must be in 0..65535 (0 = any free port)");
        if (MaximumMessageSize is < 1024 or > int.MaxValue)
            throw Invalid("maximum-message-size", MaximumMessageSize, $"must be in 1024..{int.MaxValue} bytes");
        if (ChunkSize is < 4096 or > 64 * 1024 * 1024)
            throw Invalid("chunk-size", ChunkSize, "must be in 4096..67108864 bytes");
        if (SendBufferLimit < 64 * 1024)
            throw Invalid("send-buffer-limit", SendBufferLimit, "must be at least 65536 bytes");
        if (ConnectTimeout <= TimeSpan.Zero)
            throw Invalid("connect-timeout", ConnectTimeout, "must be positive");
        if (HandshakeTimeout <= TimeSpan.Zero)
            throw Invalid("handshake-timeout", HandshakeTimeout, "must be positive");
        if (ReconnectBackoffMin <= TimeSpan.Zero)
            throw Invalid("reconnect-backoff-min", ReconnectBackoffMin, "must be positive");
        if (ReconnectBackoffMax < ReconnectBackoffMin)
            throw Invalid("reconnect-backoff-max", ReconnectBackoffMax, $"must be at least reconnect-backoff-min ({ReconnectBackoffMin})");
        if (Secret is { Length: 0 })
            throw new ConfigurationException($"{SectionPath} secret is empty: use null for no authentication or at least one byte");
    }

    /// <summary>Settings without the secret, so that printing a record never leaks it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RemoteSettings {{ Hostname = {Hostname}, Port = {Port}, MaximumMessageSize = {MaximumMessageSize}, ChunkSize = {ChunkSize}, SendBufferLimit = {SendBufferLimit}, ConnectTimeout = {ConnectTimeout}, HandshakeTimeout = {HandshakeTimeout}, ReconnectBackoffMin = {ReconnectBackoffMin}, ReconnectBackoffMax = {ReconnectBackoffMax}, Secret = {(Secret is null ? "none" : "set")} }}");

    private static ConfigurationException Invalid(string key, object value, string rule) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{SectionPath}.{key} = {value} {rule}"));
}
