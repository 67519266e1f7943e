using RelayActors.Actors.Network;

namespace RelayActors.Actors.Tests.Network;

/// <summary>The settings as code builds and uses them; <see cref="NetworkSettingsConfigTests"/> covers HOCON.</summary>
public sealed class NetworkSettingsTests
{
    private static readonly LinkModel Slow = LinkModel.Constant(TimeSpan.FromMilliseconds(20));
    private static readonly LinkModel Lossy = LinkModel.Instant with { DropProbability = 0.1 };

    [Fact]
    public void Default_IsInstantLosslessWithoutTimeoutOrOverrides()
    {
        var settings = NetworkSettings.Default;

        Assert.Equal(LinkModel.Instant, settings.Link);
        Assert.Null(settings.RoundTimeout);
        Assert.Equal(0, settings.Seed);
        Assert.Empty(settings.EdgeLinks);
        settings.Validate();
    }

    [Fact]
    public void LinkFor_OverriddenEdge_AppliesToThatDirectionOnly()
    {
        var settings = new NetworkSettings { EdgeLinks = new Dictionary<(int, int), LinkModel> { [(0, 1)] = Slow } };

        Assert.Equal(Slow, settings.LinkFor(0, 1));
        Assert.Equal(LinkModel.Instant, settings.LinkFor(1, 0));
        Assert.Equal(LinkModel.Instant, settings.LinkFor(2, 3));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(3, 3)]
    public void LinkFor_NegativeIdOrSelfLink_Throws(int from, int to)
    {
        Assert.ThrowsAny<ArgumentException>(() => NetworkSettings.Default.LinkFor(from, to));
        Assert.ThrowsAny<ArgumentException>(() => NetworkSettings.Default.RandomFor(from, to, runSeed: 1));
    }

    [Fact]
    public void RandomFor_SameInputs_GiveTheSameSequence() =>
        Assert.Equal(Draws(NetworkSettings.Default.RandomFor(0, 1, 42)), Draws(NetworkSettings.Default.RandomFor(0, 1, 42)));

    [Fact]
    public void RandomFor_IsPinnedAcrossProcessesAndVersions()
    {
        // A fixed hash, not HashCode.Combine: this value must never change, or recorded runs stop replaying.
        Assert.Equal(850_388_287, NetworkSettings.Default.RandomFor(0, 1, 42).Next());
    }

    [Fact]
    public void RandomFor_EveryInput_ChangesTheSequence()
    {
        var reference = Draws(NetworkSettings.Default.RandomFor(0, 1, 42));

        Assert.NotEqual(reference, Draws(NetworkSettings.Default.RandomFor(1, 0, 42)));
        Assert.NotEqual(reference, Draws(NetworkSettings.Default.RandomFor(0, 2, 42)));
        Assert.NotEqual(reference, Draws(NetworkSettings.Default.RandomFor(0, 1, 43)));
        Assert.NotEqual(reference, Draws((NetworkSettings.Default with { Seed = 1 }).RandomFor(0, 1, 42)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void RoundTimeout_NotPositive_ThrowsNamingPropertyAndValue(long ticks)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkSettings { RoundTimeout = TimeSpan.FromTicks(ticks) });

        Assert.Equal(nameof(NetworkSettings.RoundTimeout), ex.ParamName);
        Assert.Equal(TimeSpan.FromTicks(ticks), ex.ActualValue);
    }

    [Fact]
    public void EdgeLinks_SelfLink_Throws()
    {
        var edges = new Dictionary<(int, int), LinkModel> { [(2, 2)] = Slow };

        var ex = Assert.Throws<ArgumentException>(() => new NetworkSettings { EdgeLinks = edges });

        Assert.Contains("2->2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeLinks_AreCopied_SoLaterChangesToTheSourceDoNotLeakIn()
    {
        var edges = new Dictionary<(int, int), LinkModel> { [(0, 1)] = Slow };
        var settings = new NetworkSettings { EdgeLinks = edges };

        edges[(0, 1)] = Lossy;

        Assert.Equal(Slow, settings.LinkFor(0, 1));
    }

    [Fact]
    public void Equals_ComparesEdgeLinksByContent()
    {
        var a = new NetworkSettings { EdgeLinks = new Dictionary<(int, int), LinkModel> { [(0, 1)] = Slow } };
        var b = new NetworkSettings { EdgeLinks = new Dictionary<(int, int), LinkModel> { [(0, 1)] = LinkModel.Constant(TimeSpan.FromMilliseconds(20)) } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, NetworkSettings.Default);
    }

    [Fact]
    public void Validate_DropsWithoutRoundTimeout_ThrowsSuggestingATimeout()
    {
        var ex = Assert.Throws<ArgumentException>(() => (NetworkSettings.Default with { Link = Lossy }).Validate());

        Assert.Contains("relay-actors.network.drop-probability = 0.1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("wait forever", ex.Message, StringComparison.Ordinal);
        Assert.Contains("relay-actors.network.round-timeout = 50ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DroppingEdgeWithoutRoundTimeout_ThrowsNamingTheEdge()
    {
        var settings = new NetworkSettings { EdgeLinks = new Dictionary<(int, int), LinkModel> { [(3, 4)] = Lossy } };

        var ex = Assert.Throws<ArgumentException>(settings.Validate);

        Assert.Contains("relay-actors.network.edges.\"3->4\".drop-probability", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DropsWithNotices_Passes() =>
        (NetworkSettings.Default with { Link = Lossy, NotifyDrops = true }).Validate();

    [Fact]
    public void Validate_OutageWithoutNoticesOrTimeout_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => (NetworkSettings.Default with { Outages = [Outage.OfLink(1, 2, true, 0, 3)] }).Validate());

        Assert.Contains("link 1--2 silent in steps 0..3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_ComparesNoticesAndOutages()
    {
        var a = NetworkSettings.Default with { Outages = [Outage.OfWorker(1, 2, 3)] };

        Assert.Equal(a, NetworkSettings.Default with { Outages = [Outage.OfWorker(1, 2, 3)] });
        Assert.NotEqual(a, NetworkSettings.Default with { Outages = [Outage.OfWorker(1, 2, 4)] });
        Assert.NotEqual(NetworkSettings.Default, NetworkSettings.Default with { NotifyDrops = true });
    }

    [Fact]
    public void Validate_DropsWithRoundTimeout_Passes() =>
        (NetworkSettings.Default with { Link = Lossy, RoundTimeout = TimeSpan.FromMilliseconds(50) }).Validate();

    [Fact]
    public void ToString_ShowsLinksTimeoutSeedEdgesAndOutages()
    {
        var settings = new NetworkSettings { Seed = 3, EdgeLinks = new Dictionary<(int, int), LinkModel> { [(0, 1)] = Slow }, Outages = [Outage.OfWorker(2, 5, 9)] };

        Assert.Equal(
            "NetworkSettings { Link = LinkModel(latency 0 ms), RoundTimeout = none, NotifyDrops = False, Seed = 3, 0->1 = LinkModel(latency 20 ms), worker 2 silent in steps 5..9 }",
            settings.ToString());
        Assert.Contains("RoundTimeout = 50 ms", (settings with { RoundTimeout = TimeSpan.FromMilliseconds(50) }).ToString(), StringComparison.Ordinal);
    }

    private static long[] Draws(Random random) => [random.NextInt64(), random.NextInt64(), random.NextInt64()];
}
