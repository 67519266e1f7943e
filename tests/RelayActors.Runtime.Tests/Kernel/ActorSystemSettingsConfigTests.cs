using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class ActorSystemSettingsConfigTests
{
    [Fact]
    public void FromConfig_RepositoryReferenceConf_EqualsCodeDefaults()
    {
        var reference = Config.Load(RepositoryRoot.File("hocon", "reference.conf"));

        Assert.Equal(ActorSystemSettings.Default, ActorSystemSettings.FromConfig(reference));
    }

    [Fact]
    public void RepositoryReferenceConf_RuntimeSection_MatchesEmbeddedReference()
    {
        var file = Config.Load(RepositoryRoot.File("hocon", "reference.conf")).GetConfig(ActorSystemSettings.ConfigPath);
        var embedded = Config.Parse(ActorSystemSettings.Reference).GetConfig(ActorSystemSettings.ConfigPath);

        Assert.Equal(embedded.Render(), file.Render());
    }

    [Fact]
    public void FromConfig_Empty_GivesDefaults() =>
        Assert.Equal(ActorSystemSettings.Default, ActorSystemSettings.FromConfig(Config.Empty));

    [Fact]
    public void FromConfig_Overrides_AreRead()
    {
        var config = Config.Parse("""
            relay-actors.runtime {
              clock = virtual
              throughput = 7
              mailbox { kind = bounded, capacity = 64, overflow = drop-oldest }
              dead-letters.log-limit = 0
              shutdown-timeout = 250ms
            }
            """);

        var settings = ActorSystemSettings.FromConfig(config);

        Assert.Equal(ClockKind.Virtual, settings.Clock);
        Assert.Equal(7, settings.Throughput);
        Assert.Equal(MailboxSettings.Bounded(64, OverflowPolicy.DropOldest), settings.DefaultMailbox);
        Assert.Equal(0, settings.DeadLetterLogLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.ShutdownTimeout);
    }

    [Theory]
    [InlineData("relay-actors.runtime.throughput = 0", "relay-actors.runtime.throughput", "0")]
    [InlineData("relay-actors.runtime.clock = sundial", "relay-actors.runtime.clock", "sundial")]
    [InlineData("relay-actors.runtime.mailbox.overflow = explode", "relay-actors.runtime.mailbox.overflow", "explode")]
    [InlineData("relay-actors.runtime.shutdown-timeout = 10 fortnights", "relay-actors.runtime.shutdown-timeout", "fortnights")]
    [InlineData("relay-actors.runtime { mailbox { kind = bounded, capacity = -3 } }", "relay-actors.runtime.mailbox.capacity", "-3")]
    public void FromConfig_BadValue_ThrowsNamingFullPathAndValue(string text, string path, string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => ActorSystemSettings.FromConfig(Config.Parse(text, "my.conf")));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_UnknownKey_ThrowsWithSuggestionAndOrigin()
    {
        var ex = Assert.Throws<ConfigurationException>(() =>
            ActorSystemSettings.FromConfig(Config.Parse("relay-actors.runtime.througput = 10", "my.conf")));

        Assert.Contains("relay-actors.runtime.througput", ex.Message, StringComparison.Ordinal);
        Assert.Contains("throughput", ex.Message, StringComparison.Ordinal);
        Assert.Contains("my.conf:1", ex.Message, StringComparison.Ordinal);
    }
}
