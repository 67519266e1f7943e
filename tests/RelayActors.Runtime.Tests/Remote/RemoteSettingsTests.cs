using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Remote;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Runtime.Tests.Remote;

public sealed class RemoteSettingsTests
{
    [Fact]
    public void FromConfig_RepositoryReferenceConf_EqualsCodeDefaults()
    {
        var section = Config.Load(RepositoryRoot.File("hocon", "reference.conf")).GetConfig(RemoteSettings.SectionPath);

        Assert.Equal(RemoteSettings.Default, RemoteSettings.FromConfig(section));
    }

    [Fact]
    public void FromConfig_ReadsEveryKey()
    {
        var section = Config.Parse("""
            hostname = "10.0.0.2", port = 4711, maximum-message-size = 8MiB, chunk-size = 64KiB, send-buffer-limit = 16MiB
            connect-timeout = 2s, handshake-timeout = 3s, reconnect-backoff-min = 50ms, reconnect-backoff-max = 1s
            """);

        var settings = RemoteSettings.FromConfig(section);

        Assert.Equal(new RemoteSettings
        {
            Hostname = "10.0.0.2", Port = 4711, MaximumMessageSize = 8 * 1024 * 1024, ChunkSize = 64 * 1024, SendBufferLimit = 16 * 1024 * 1024,
            ConnectTimeout = TimeSpan.FromSeconds(2), HandshakeTimeout = TimeSpan.FromSeconds(3),
            ReconnectBackoffMin = TimeSpan.FromMilliseconds(50), ReconnectBackoffMax = TimeSpan.FromSeconds(1),
        }, settings);
    }

    [Theory]
    [InlineData("port = 70000", "relay-actors.remote.port = 70000")]
    [InlineData("chunk-size = 10", "relay-actors.remote.chunk-size = 10")]
    [InlineData("reconnect-backoff-min = 2s, reconnect-backoff-max = 1s", "relay-actors.remote.reconnect-backoff-max = 00:00:01")]
    public void FromConfig_InvalidValue_ThrowsNamingKeyAndValue(string hocon, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => RemoteSettings.FromConfig(Config.Parse(hocon)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheSecret()
    {
        var settings = RemoteSettings.Default with { Secret = "hunter2"u8.ToArray() };

        Assert.DoesNotContain("hunter2", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Byte", settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("Secret = set", settings.ToString(), StringComparison.Ordinal);
    }
}
