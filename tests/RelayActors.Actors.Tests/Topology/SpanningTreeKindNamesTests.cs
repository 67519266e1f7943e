using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Topology;

public sealed class SpanningTreeKindNamesTests
{
    [Theory]
    [InlineData("none", SpanningTreeKind.None)]
    [InlineData("bfs", SpanningTreeKind.BreadthFirst)]
    [InlineData("min-diameter", SpanningTreeKind.MinimumDiameter)]
    public void TryParse_KebabName_RoundTrips(string name, SpanningTreeKind kind)
    {
        Assert.True(SpanningTreeKindNames.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(name, SpanningTreeKindNames.Format(kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("BFS")]
    [InlineData("minimum-diameter")]
    public void TryParse_UnknownName_IsFalse(string? name)
    {
        Assert.False(SpanningTreeKindNames.TryParse(name, out _));
    }

    [Fact]
    public void All_NamesEveryKindOnceInDeclarationOrder()
    {
        Assert.Equal(Enum.GetValues<SpanningTreeKind>().Select(SpanningTreeKindNames.Format), SpanningTreeKindNames.All);
    }
}
