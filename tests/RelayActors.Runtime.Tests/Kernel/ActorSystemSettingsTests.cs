using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class ActorSystemSettingsTests
{
    public static TheoryData<ActorSystemSettings, string, string> InvalidSettings => new()
    {
        { ActorSystemSettings.Default with { Throughput = 0 }, "relay-actors.runtime.throughput", "= 0" },
        { ActorSystemSettings.Default with { Throughput = 2_000_000 }, "relay-actors.runtime.throughput", "= 2000000" },
        { ActorSystemSettings.Default with { DeadLetterLogLimit = -1 }, "relay-actors.runtime.dead-letters.log-limit", "= -1" },
        { ActorSystemSettings.Default with { ShutdownTimeout = TimeSpan.Zero }, "relay-actors.runtime.shutdown-timeout", "= 00:00:00" },
        { ActorSystemSettings.Default with { DefaultMailbox = new MailboxSettings(MailboxKind.Bounded, 0, OverflowPolicy.DropOldest) }, "relay-actors.runtime.mailbox", "capacity" },
        { ActorSystemSettings.Default with { Clock = (ClockKind)7 }, "relay-actors.runtime.clock", "= 7" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Create_InvalidSettings_ThrowsNamingKeyAndValue(ActorSystemSettings settings, string key, string valueText)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("bad", settings));

        Assert.Equal(key, ex.ParamName);
        Assert.Contains(valueText, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    public void Create_InvalidSystemName_ThrowsNamingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => ActorSystem.Create(name));

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
    }
}
