using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigRejectUnknownKeysTests
{
    private static readonly Config Reference = Config.Parse(
        "relay-actors {\n  runtime {\n    throughput = 10\n    mailbox-capacity = 1000\n  }\n  dispatchers {}\n}",
        "reference.conf");

    [Fact]
    public void RejectUnknownKeys_OnlyKnownKeys_DoesNotThrow()
    {
        var config = Config.Parse("relay-actors.runtime.throughput = 5");

        config.RejectUnknownKeys(Reference);
    }

    [Fact]
    public void RejectUnknownKeys_Typo_ThrowsWithFullPathOriginAndSuggestion()
    {
        var config = Config.Parse("relay-actors {\n  runtime {\n    througput = 5\n  }\n}", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.RejectUnknownKeys(Reference));

        Assert.Equal("relay-actors.runtime.througput = 5 (app.conf:3): unknown key; did you mean 'throughput'?", error.Message);
        Assert.Equal("relay-actors.runtime.througput", error.Path);
        Assert.Equal("app.conf:3", error.Origin);
    }

    [Fact]
    public void RejectUnknownKeys_UnrelatedKey_ThrowsWithoutSuggestion()
    {
        var config = Config.Parse("relay-actors.runtime.colour = blue", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.RejectUnknownKeys(Reference));

        Assert.Equal("relay-actors.runtime.colour = blue (app.conf:1): unknown key", error.Message);
    }

    [Fact]
    public void RejectUnknownKeys_UnknownObjectKey_ThrowsForTheObject()
    {
        var config = Config.Parse("relay-actor { runtime { throughput = 5 } }", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.RejectUnknownKeys(Reference));

        Assert.Equal("relay-actor", error.Path);
        Assert.EndsWith("unknown key; did you mean 'relay-actors'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectUnknownKeys_SeveralUnknownKeys_ListsEach()
    {
        var config = Config.Parse("relay-actors.runtime { a = 1, b = 2 }", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.RejectUnknownKeys(Reference));

        Assert.Equal(
            "2 unknown configuration keys:\nrelay-actors.runtime.a = 1 (app.conf:1): unknown key\nrelay-actors.runtime.b = 2 (app.conf:1): unknown key",
            error.Message);
    }

    [Fact]
    public void RejectUnknownKeys_KeysInsideEmptyReferenceObject_AreAllowed()
    {
        var config = Config.Parse("relay-actors.dispatchers.fast { throughput = 1 }");

        config.RejectUnknownKeys(Reference);
    }

    [Fact]
    public void RejectUnknownKeys_OnSubConfig_ReportsFullPath()
    {
        var config = Config.Parse("relay-actors.runtime.mailbox-capasity = 3", "app.conf");

        var error = Assert.Throws<ConfigurationException>(
            () => config.GetConfig("relay-actors").RejectUnknownKeys(Reference.GetConfig("relay-actors")));

        Assert.Equal("relay-actors.runtime.mailbox-capasity = 3 (app.conf:1): unknown key; did you mean 'mailbox-capacity'?", error.Message);
    }

    [Fact]
    public void RejectUnknownKeys_EmptyReference_RejectsRootKeys()
    {
        var config = Config.Parse("anything = 1", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.RejectUnknownKeys(Config.Empty));

        Assert.Equal("anything = 1 (app.conf:1): unknown key", error.Message);
    }
}
