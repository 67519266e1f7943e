using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class EnumNamesTests
{
    public enum Colour
    {
        Red,
        DarkBlue,
        Green,
    }

    private static readonly EnumNames<Colour> Names = new(("red", Colour.Red), ("dark-blue", Colour.DarkBlue));

    [Theory]
    [InlineData("red", Colour.Red)]
    [InlineData("dark-blue", Colour.DarkBlue)]
    public void TryParse_KnownName_ReturnsValueAndFormatRoundTrips(string name, Colour expected)
    {
        Assert.True(Names.TryParse(name, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(name, Names.Format(value));
    }

    [Theory]
    [InlineData("Red")]
    [InlineData("blue")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_ReturnsFalse(string? name) =>
        Assert.False(Names.TryParse(name, out _));

    [Fact]
    public void All_ListsNamesInTableOrder() =>
        Assert.Equal(["red", "dark-blue"], Names.All);

    [Fact]
    public void Format_ValueWithoutName_ThrowsListingKnownNames()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Names.Format(Colour.Green));

        Assert.Contains("Colour Green has no name (known: red, dark-blue)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedNameOrValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EnumNames<Colour>(("red", Colour.Red), ("red", Colour.Green)));
        Assert.Throws<ArgumentException>(() => new EnumNames<Colour>(("red", Colour.Red), ("crimson", Colour.Red)));
    }
}
