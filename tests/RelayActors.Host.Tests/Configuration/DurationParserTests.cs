using RelayActors.Host.Configuration;

namespace RelayActors.Host.Tests.Configuration;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("1ms", 10_000)]
    [InlineData("250us", 2_500)]
    [InlineData("1.5s", 15_000_000)]
    [InlineData("2min", 1_200_000_000)]
    [InlineData("0ms", 0)]
    [InlineData("0.5ms", 5_000)]
    public void TryParse_NumberWithUnit_GivesExactTicks(string text, long ticks)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromTicks(ticks), duration);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1ms")]
    [InlineData("ms")]
    [InlineData("1h")]
    [InlineData("1 ms")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_MissingUnitOrNegative_Fails(string? text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData(10_000, "1 ms")]
    [InlineData(2_500, "250 us")]
    [InlineData(15_000_000, "1.5 s")]
    [InlineData(0, "0 ms")]
    public void Format_Duration_UsesFittingUnit(long ticks, string expected)
    {
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromTicks(ticks)));
    }
}
