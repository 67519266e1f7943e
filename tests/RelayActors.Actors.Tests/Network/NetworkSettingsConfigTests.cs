using RelayActors.Actors.Network;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Actors.Tests.Network;

public sealed class NetworkSettingsConfigTests
{
    private static readonly LinkModel TwentyMs = LinkModel.Constant(TimeSpan.FromMilliseconds(20));

    [Fact]
    public void FromConfig_RepositoryReferenceConf_EqualsCodeDefaults()
    {
        var reference = Config.Load(RepositoryRoot.File("hocon", "reference.conf"));

        Assert.Equal(NetworkSettings.Default, NetworkSettings.FromConfig(reference));
    }

    [Fact]
    public void RepositoryReferenceConf_NetworkSection_MatchesEmbeddedReference()
    {
        var file = Config.Load(RepositoryRoot.File("hocon", "reference.conf")).GetConfig(NetworkSettings.ConfigPath);
        var embedded = Config.Parse(NetworkSettings.Reference).GetConfig(NetworkSettings.ConfigPath);

        Assert.Equal(embedded.Render(), file.Render());
    }

    [Fact]
    public void FromConfig_Empty_GivesDefaults() =>
        Assert.Equal(NetworkSettings.Default, NetworkSettings.FromConfig(Config.Empty));

    [Fact]
    public void FromConfig_Overrides_AreRead()
    {
        var settings = Read("""
            latency = 5ms
            jitter = 2ms
            bandwidth = 125MB
            drop-probability = 0.01
            round-timeout = 50ms
            seed = 7
            """);

        Assert.Equal(
            new LinkModel { Latency = TimeSpan.FromMilliseconds(5), Jitter = TimeSpan.FromMilliseconds(2), Bandwidth = 125e6, DropProbability = 0.01 },
            settings.Link);
        Assert.Equal(TimeSpan.FromMilliseconds(50), settings.RoundTimeout);
        Assert.Equal(7, settings.Seed);
    }

    [Theory]
    [InlineData("1GiB", 1073741824.0)]
    [InlineData("10 kB", 10000.0)]
    [InlineData("1000", 1000.0)]
    [InlineData("unlimited", null)]
    public void FromConfig_Bandwidth_IsASizePerSecondOrUnlimited(string text, double? bytesPerSecond) =>
        Assert.Equal(bytesPerSecond, Read($"bandwidth = {text}").Link.Bandwidth);

    [Theory]
    [InlineData("none")]
    [InlineData("off")]
    public void FromConfig_RoundTimeoutNoneOrOff_WaitsForever(string text) =>
        Assert.Null(Read($"round-timeout = {text}").RoundTimeout);

    [Fact]
    public void FromConfig_DirectedEdge_OverridesOneDirectionAndInheritsTheRest()
    {
        var settings = Read("""
            jitter = 1ms
            edges { "0->1" { latency = 20ms } }
            """);

        Assert.Equal(TwentyMs with { Jitter = TimeSpan.FromMilliseconds(1) }, settings.LinkFor(0, 1));
        Assert.Equal(settings.Link, settings.LinkFor(1, 0));
        Assert.Single(settings.EdgeLinks);
    }

    [Fact]
    public void FromConfig_UndirectedEdge_OverridesBothDirections()
    {
        var settings = Read("""
            round-timeout = 50ms
            edges { "2--3" { drop-probability = 0.1 } }
            """);

        Assert.Equal(0.1, settings.LinkFor(2, 3).DropProbability);
        Assert.Equal(0.1, settings.LinkFor(3, 2).DropProbability);
        Assert.Equal(0, settings.LinkFor(2, 4).DropProbability);
    }

    [Theory]
    [InlineData("\"0->1\" { latency = 5ms }, \"0--1\" { latency = 20ms, bandwidth = 1MB }")]
    [InlineData("\"0--1\" { latency = 20ms, bandwidth = 1MB }, \"0->1\" { latency = 5ms }")]
    public void FromConfig_DirectedEdge_RefinesUndirectedWhateverTheOrder(string edges)
    {
        var settings = Read($"edges {{ {edges} }}");

        Assert.Equal(LinkModel.Constant(TimeSpan.FromMilliseconds(5)) with { Bandwidth = 1e6 }, settings.LinkFor(0, 1));
        Assert.Equal(TwentyMs with { Bandwidth = 1e6 }, settings.LinkFor(1, 0));
    }

    [Fact]
    public void FromConfig_UnquotedEdgeKey_IsReadToo() =>
        Assert.Equal(TwentyMs, Read("edges { 0->1 { latency = 20ms } }").LinkFor(0, 1));

    [Theory]
    [InlineData("latency = -1ms", "relay-actors.network.latency", "-1ms")]
    [InlineData("jitter = 5 parsecs", "relay-actors.network.jitter", "parsecs")]
    [InlineData("bandwidth = 0", "relay-actors.network.bandwidth", "0")]
    [InlineData("bandwidth = fast", "relay-actors.network.bandwidth", "fast")]
    [InlineData("bandwidth = 10MB/s", "relay-actors.network.bandwidth", "125MB means 125 MB/s")]
    [InlineData("drop-probability = 1", "relay-actors.network.drop-probability", "1")]
    [InlineData("drop-probability = -0.1", "relay-actors.network.drop-probability", "-0.1")]
    [InlineData("round-timeout = 0ms", "relay-actors.network.round-timeout", "0ms")]
    [InlineData("round-timeout = soon", "relay-actors.network.round-timeout", "none or off")]
    [InlineData("seed = abc", "relay-actors.network.seed", "abc")]
    [InlineData("edges.\"0->1\".latency = -3ms", "relay-actors.network.edges.\"0->1\".latency", "-3ms")]
    [InlineData("edges.\"4--5\".bandwidth = -1MB", "relay-actors.network.edges.\"4--5\".bandwidth", "-1MB")]
    public void FromConfig_BadValue_ThrowsNamingFullPathAndValue(string text, string path, string fragment)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read(text));

        Assert.Equal(path, ex.Path);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latncy = 5ms", "relay-actors.network.latncy", "latency")]
    [InlineData("edges { \"0->1\" { jiter = 1ms } }", "relay-actors.network.edges.\"0->1\".jiter", "jitter")]
    [InlineData("edges { \"0->1\" { seed = 1 } }", "relay-actors.network.edges.\"0->1\".seed", "unknown key")]
    public void FromConfig_UnknownKey_ThrowsWithPathAndSuggestion(string text, string path, string fragment)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read(text));

        Assert.Equal(path, ex.Path);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.Contains("my.conf:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0-1")]
    [InlineData("a->b")]
    [InlineData("1->1")]
    [InlineData("0->1->2")]
    [InlineData("0 -> 1")]
    [InlineData("99999999999->1")]
    public void FromConfig_MalformedEdge_ThrowsNamingTheKey(string edge)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read($"edges {{ \"{edge}\" {{ latency = 1ms }} }}"));

        Assert.Equal($"relay-actors.network.edges.\"{edge}\"", ex.Path);
        Assert.Contains("\"from->to\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_EdgeThatIsNotAnObject_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read("edges { \"0->1\" = 5ms }"));

        Assert.Equal("relay-actors.network.edges.\"0->1\"", ex.Path);
    }

    [Theory]
    [InlineData("\"1--2\" { latency = 1ms }, \"2--1\" { jitter = 1ms }", "\"2--1\"", "\"1--2\"")]
    [InlineData("\"0->1\" { latency = 1ms }, \"00->1\" { jitter = 1ms }", "\"00->1\"", "\"0->1\"")]
    public void FromConfig_SameEdgeNamedTwice_ThrowsNamingBothKeys(string edges, string second, string first)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read($"edges {{ {edges} }}"));

        Assert.Equal($"relay-actors.network.edges.{second}", ex.Path);
        Assert.Contains($"relay-actors.network.edges.{first}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drop-probability = 0.05", "relay-actors.network.drop-probability")]
    [InlineData("edges { \"2--3\" { drop-probability = 0.1 } }", "relay-actors.network.edges.\"2--3\".drop-probability")]
    public void FromConfig_DropsWithoutRoundTimeout_ThrowsSuggestingATimeout(string text, string path)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read(text));

        Assert.Equal(path, ex.Path);
        Assert.Contains("wait forever", ex.Message, StringComparison.Ordinal);
        Assert.Contains("relay-actors.network.round-timeout = 50ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_DropsWithRoundTimeout_AreAccepted()
    {
        var settings = Read("drop-probability = 0.05, round-timeout = 50ms");

        settings.Validate();
        Assert.Equal(0.05, settings.Link.DropProbability);
    }

    [Fact]
    public void FromConfig_DropsWithNotices_AreAcceptedWithoutATimeout()
    {
        var settings = Read("drop-probability = 0.05, notify-drops = true");

        settings.Validate();
        Assert.True(settings.NotifyDrops);
        Assert.Null(settings.RoundTimeout);
    }

    [Fact]
    public void FromConfig_Outages_AreReadPerWorkerAndLink()
    {
        var settings = Read("""
            notify-drops = true
            outages {
              "worker 5" = ["100..200"]
              "2--3" = ["10..20", "40..45"]
              "0->1" = [" 7 .. 8 "]
            }
            """);

        Assert.Equal(
            [Outage.OfLink(0, 1, false, 7, 8), Outage.OfLink(2, 3, true, 10, 20), Outage.OfLink(2, 3, true, 40, 45), Outage.OfWorker(5, 100, 200)],
            settings.Outages);
        Assert.True(settings.IsSilenced(5, 0, 100));
        Assert.True(settings.IsSilenced(9, 5, 199));
        Assert.False(settings.IsSilenced(5, 0, 200));
        Assert.False(settings.IsSilenced(5, 0, 99));
        Assert.True(settings.IsSilenced(3, 2, 44));
        Assert.False(settings.IsSilenced(3, 2, 45));
        Assert.True(settings.IsSilenced(0, 1, 7));
        Assert.False(settings.IsSilenced(1, 0, 7));
    }

    [Theory]
    [InlineData("\"worker five\" = [\"1..2\"]", "\"worker five\"", "malformed outage")]
    [InlineData("\"3--3\" = [\"1..2\"]", "\"3--3\"", "malformed outage")]
    [InlineData("\"1--2\" = [\"5..5\"]", "\"1--2\"", "to above from")]
    [InlineData("\"1--2\" = [\"5-9\"]", "\"1--2\"", "from..to")]
    [InlineData("\"1--2\" = []", "\"1--2\"", "at least one step range")]
    [InlineData("\"worker 1\" = 5", "\"worker 1\"", "list of step ranges")]
    public void FromConfig_BadOutage_ThrowsNamingTheKey(string outage, string key, string fragment)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read($"notify-drops = true, outages {{ {outage} }}"));

        Assert.Equal($"relay-actors.network.outages.{key}", ex.Path);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_OutagesWithoutNoticesOrTimeout_ThrowsSuggestingNotices()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read("outages { \"worker 1\" = [\"1..2\"] }"));

        Assert.Equal("relay-actors.network.outages", ex.Path);
        Assert.Contains("notify-drops = true", ex.Message, StringComparison.Ordinal);
    }

    private static NetworkSettings Read(string section) =>
        NetworkSettings.FromConfig(Config.Parse($"relay-actors.network {{\n{section}\n}}", "my.conf"));
}
