using RelayActors.Actors.Network;

namespace RelayActors.Actors.Tests.Network;

public sealed class LinkModelTests
{
    [Fact]
    public void Constant_HasNoJitterUnlimitedBandwidthAndNoDrops()
    {
        var model = LinkModel.Constant(TimeSpan.FromMilliseconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(5), model.Latency);
        Assert.Equal(TimeSpan.Zero, model.Jitter);
        Assert.Null(model.Bandwidth);
        Assert.Equal(0, model.DropProbability);
        Assert.False(model.IsRandom);
    }

    [Fact]
    public void LinkModel_NegativeLatency_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Constant(TimeSpan.FromMilliseconds(-1)));

        Assert.Equal(nameof(LinkModel.Latency), ex.ParamName);
    }

    [Fact]
    public void Jitter_Negative_ThrowsNamingPropertyAndValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LinkModel { Jitter = TimeSpan.FromMilliseconds(-2) });

        Assert.Equal(nameof(LinkModel.Jitter), ex.ParamName);
        Assert.Equal(TimeSpan.FromMilliseconds(-2), ex.ActualValue);
        Assert.Contains("-2 ms", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Bandwidth_NotPositive_ThrowsNamingPropertyAndValue(double bandwidth)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LinkModel { Bandwidth = bandwidth });

        Assert.Equal(nameof(LinkModel.Bandwidth), ex.ParamName);
        Assert.Equal(bandwidth, ex.ActualValue);
    }

    [Fact]
    public void Bandwidth_PositiveInfinity_IsStoredAsUnlimited()
    {
        var model = new LinkModel { Bandwidth = double.PositiveInfinity };

        Assert.Null(model.Bandwidth);
        Assert.Equal(LinkModel.Instant, model);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void DropProbability_OutsideZeroToOne_ThrowsNamingPropertyAndValue(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LinkModel { DropProbability = p });

        Assert.Equal(nameof(LinkModel.DropProbability), ex.ParamName);
        Assert.Equal(p, ex.ActualValue);
    }

    [Theory]
    [InlineData(0.0, 0L, false)]
    [InlineData(0.0, 1L, true)]
    [InlineData(0.25, 0L, true)]
    public void IsRandom_TrueExactlyWithJitterOrDrops(double p, long jitterTicks, bool expected)
    {
        var model = new LinkModel { DropProbability = p, Jitter = TimeSpan.FromTicks(jitterTicks) };

        Assert.Equal(expected, model.IsRandom);
    }

    [Theory]
    [InlineData(1_000_000L, 1_000_000.0, 10_000_000L)]
    [InlineData(500_000L, 1_000_000.0, 5_000_000L)]
    [InlineData(1L, 3.0, 3_333_334L)]
    [InlineData(0L, 1.0, 0L)]
    public void TransmissionTime_IsSizeOverBandwidthRoundedUpToATick(long size, double bandwidth, long expectedTicks)
    {
        var model = new LinkModel { Bandwidth = bandwidth };

        Assert.Equal(TimeSpan.FromTicks(expectedTicks), model.TransmissionTime(size));
    }

    [Fact]
    public void TransmissionTime_UnlimitedBandwidth_IsZero() =>
        Assert.Equal(TimeSpan.Zero, LinkModel.Instant.TransmissionTime(long.MaxValue));

    [Fact]
    public void TransmissionTime_NegativeSize_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Instant.TransmissionTime(-1));

    [Fact]
    public void ToString_NamesOnlyTheEffectsThatAreSet()
    {
        var full = new LinkModel
        {
            Latency = TimeSpan.FromMilliseconds(5),
            Jitter = TimeSpan.FromMilliseconds(2),
            Bandwidth = 1e6,
            DropProbability = 0.1,
        };

        Assert.Equal("LinkModel(latency 5 ms)", LinkModel.Constant(TimeSpan.FromMilliseconds(5)).ToString());
        Assert.Equal("LinkModel(latency 5 ms, jitter 2 ms, bandwidth 1000000 B/s, drop probability 0.1)", full.ToString());
    }
}
