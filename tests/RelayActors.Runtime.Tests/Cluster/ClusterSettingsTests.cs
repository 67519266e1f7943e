using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Runtime.Tests.Cluster;

public sealed class ClusterSettingsTests
{
    [Fact]
    public void FromConfig_RepositoryReferenceConf_EqualsCodeDefaults()
    {
        var settings = ClusterSettings.FromConfig(Config.Load(RepositoryRoot.File("hocon", "reference.conf")));

        Assert.Empty(settings.SeedNodes);
        Assert.Equal(ClusterSettings.Default, settings with { SeedNodes = ClusterSettings.Default.SeedNodes });
    }

    [Fact]
    public void RepositoryReferenceConf_ClusterSection_MatchesEmbeddedReference()
    {
        var file = Config.Load(RepositoryRoot.File("hocon", "reference.conf")).GetConfig(ClusterSettings.ConfigPath);
        var embedded = Config.Parse(ClusterSettings.Reference).GetConfig(ClusterSettings.ConfigPath);

        Assert.Equal(embedded.RenderCanonical(), file.RenderCanonical());
    }

    [Fact]
    public void FromConfig_Empty_GivesDefaults() =>
        Assert.Equal(ClusterSettings.Default, ClusterSettings.FromConfig(Config.Empty) with { SeedNodes = ClusterSettings.Default.SeedNodes });

    [Fact]
    public void FromConfig_Overrides_AreRead()
    {
        var config = Config.Parse("""
            relay-actors.cluster {
              seed-nodes = ["10.0.0.1:4711", "10.0.0.2:4711"]
              min-nr-of-members = 3
              heartbeat-interval = 500ms
              failure-detector { threshold = 10, acceptable-heartbeat-pause = 5s, min-std-deviation = 200ms, max-sample-size = 200 }
              gossip-interval = 200ms
              leader-actions-interval = 250ms
              seed-node-timeout = 3s
              retry-join-interval = 2s
              downing = off
              stable-after = 20s
              shutdown-after-down = 0s
            }
            """);

        var s = ClusterSettings.FromConfig(config);

        Assert.Equal(["10.0.0.1:4711", "10.0.0.2:4711"], s.SeedNodes);
        Assert.Equal(3, s.MinNrOfMembers);
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.HeartbeatInterval);
        Assert.Equal(10.0, s.FailureDetectorThreshold);
        Assert.Equal(TimeSpan.FromSeconds(5), s.AcceptableHeartbeatPause);
        Assert.Equal(TimeSpan.FromMilliseconds(200), s.MinStdDeviation);
        Assert.Equal(200, s.MaxSampleSize);
        Assert.Equal(TimeSpan.FromMilliseconds(200), s.GossipInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(250), s.LeaderActionsInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), s.SeedNodeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), s.RetryJoinInterval);
        Assert.Equal(DowningStrategy.Off, s.Downing);
        Assert.Equal(TimeSpan.FromSeconds(20), s.StableAfter);
        Assert.Equal(TimeSpan.Zero, s.ShutdownAfterDown);
    }

    [Theory]
    [InlineData("min-nr-of-members = 0", "relay-actors.cluster.min-nr-of-members")]
    [InlineData("heartbeat-interval = 0s", "relay-actors.cluster.heartbeat-interval")]
    [InlineData("failure-detector.threshold = -1", "relay-actors.cluster.failure-detector.threshold")]
    [InlineData("downing = keep-oldest", "relay-actors.cluster.downing")]
    [InlineData("seed-nodes = [\"node-a\"]", "relay-actors.cluster.seed-nodes")]
    [InlineData("gosip-interval = 1s", "relay-actors.cluster.gosip-interval")]
    public void FromConfig_BadValue_NamesTheFullKey(string assignment, string key)
    {
        var config = Config.Parse("relay-actors.cluster { " + assignment + " }");

        var error = Assert.Throws<ConfigurationException>(() => ClusterSettings.FromConfig(config));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SettingsBuiltInCode_NameTheKeyAndValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (ClusterSettings.Default with { GossipInterval = TimeSpan.Zero }).Validate());

        Assert.Contains("relay-actors.cluster.gossip-interval = 00:00:00: must be positive", error.Message, StringComparison.Ordinal);
    }
}
