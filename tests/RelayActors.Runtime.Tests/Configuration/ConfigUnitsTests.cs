using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigUnitsTests
{
    [Theory]
    [InlineData("100ns", 1L)]
    [InlineData("300 nanoseconds", 3L)]
    [InlineData("5us", 50L)]
    [InlineData("5µs", 50L)]
    [InlineData("2 microseconds", 20L)]
    [InlineData("5ms", 50_000L)]
    [InlineData("5 ms", 50_000L)]
    [InlineData("1 millisecond", 10_000L)]
    [InlineData("250", 2_500_000L)]
    [InlineData("1.5s", 15_000_000L)]
    [InlineData("2 seconds", 20_000_000L)]
    [InlineData("2m", 1_200_000_000L)]
    [InlineData("2min", 1_200_000_000L)]
    [InlineData("1 minute", 600_000_000L)]
    [InlineData("1h", 36_000_000_000L)]
    [InlineData("3 hours", 108_000_000_000L)]
    [InlineData("1d", 864_000_000_000L)]
    [InlineData("2 days", 1_728_000_000_000L)]
    [InlineData("-3s", -30_000_000L)]
    public void GetDuration_WithUnit_ReturnsExactTimeSpan(string text, long expectedTicks)
    {
        var config = Config.Parse("d = " + text);

        Assert.Equal(TimeSpan.FromTicks(expectedTicks), config.GetDuration("d"));
    }

    [Fact]
    public void GetDuration_QuotedValue_ParsesLikeUnquoted()
    {
        var config = Config.Parse("d = \"750ms\"");

        Assert.Equal(TimeSpan.FromMilliseconds(750), config.GetDuration("d"));
    }

    [Theory]
    [InlineData("512", 512L)]
    [InlineData("512B", 512L)]
    [InlineData("10 bytes", 10L)]
    [InlineData("1k", 1024L)]
    [InlineData("1K", 1024L)]
    [InlineData("2Ki", 2048L)]
    [InlineData("2KiB", 2048L)]
    [InlineData("1 kibibyte", 1024L)]
    [InlineData("3kB", 3000L)]
    [InlineData("3 kilobytes", 3000L)]
    [InlineData("1M", 1_048_576L)]
    [InlineData("1Mi", 1_048_576L)]
    [InlineData("64MiB", 67_108_864L)]
    [InlineData("5MB", 5_000_000L)]
    [InlineData("1G", 1_073_741_824L)]
    [InlineData("2GiB", 2_147_483_648L)]
    [InlineData("2GB", 2_000_000_000L)]
    [InlineData("1.5K", 1536L)]
    public void GetBytes_WithUnit_ReturnsByteCount(string text, long expected)
    {
        var config = Config.Parse("size = " + text);

        Assert.Equal(expected, config.GetBytes("size"));
    }

    [Fact]
    public void GetDuration_UnknownUnit_ThrowsNamingUnitPathAndOrigin()
    {
        var config = Config.Parse("relay.timeout = 3 fortnights", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetDuration("relay.timeout"));

        Assert.StartsWith("relay.timeout = 3 fortnights (app.conf:1): unknown unit 'fortnights' in duration;", error.Message);
    }

    [Fact]
    public void GetDuration_NotANumber_ThrowsExpectedDuration()
    {
        var config = Config.Parse("relay.timeout = soon", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetDuration("relay.timeout"));

        Assert.StartsWith("relay.timeout = soon (app.conf:1): expected a duration", error.Message);
    }

    [Fact]
    public void GetBytes_UnknownUnit_ThrowsNamingUnit()
    {
        var config = Config.Parse("buffer = 4 XB", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetBytes("buffer"));

        Assert.StartsWith("buffer = 4 XB (app.conf:1): unknown unit 'XB' in size in bytes;", error.Message);
    }
}
