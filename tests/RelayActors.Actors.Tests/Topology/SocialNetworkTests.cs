using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Topology;

public sealed class SocialNetworkTests
{
    private const int Women = 18;

    private static readonly Graph Davis = Topologies.SocialNetwork();

    [Fact]
    public void SocialNetwork_HasThirtyTwoNodesAndEightyNineEdges()
    {
        Assert.Equal(32, Davis.NodeCount);
        Assert.Equal(89, Davis.Edges.Count);
    }

    [Fact]
    public void SocialNetwork_EveryEdgeJoinsAWomanToAnEvent()
    {
        Assert.All(Davis.Edges, e =>
        {
            Assert.True(e.A < Women, $"{e} starts outside the women");
            Assert.True(e.B >= Women, $"{e} ends outside the events");
        });
    }

    [Fact]
    public void SocialNetwork_IsConnectedWithDiameterFourAndNotATree()
    {
        Assert.True(Davis.IsConnected);
        Assert.Equal(4, Davis.Diameter);
        Assert.False(Davis.IsTree);
    }

    [Theory]
    [InlineData(0, 8)]       // Evelyn Jefferson
    [InlineData(4, 4)]       // Charlotte McDowd
    [InlineData(13, 8)]      // Nora Fayette
    [InlineData(15, 2)]      // Dorothy Murchison
    [InlineData(17, 2)]      // Flora Price
    [InlineData(Women + 0, 3)]   // E1
    [InlineData(Women + 7, 14)]  // E8
    [InlineData(Women + 8, 12)]  // E9
    [InlineData(Women + 10, 4)]  // E11
    [InlineData(Women + 13, 3)]  // E14
    public void SocialNetwork_Degree_MatchesNetworkxSource(int node, int degree)
    {
        Assert.Equal(degree, Davis.Degree(node));
    }

    [Fact]
    public void SocialNetwork_EvelynJefferson_AttendedE1ToE6E8E9()
    {
        int[] events = [1, 2, 3, 4, 5, 6, 8, 9];
        Assert.Equal(events.Select(k => Women + k - 1), Davis.Neighbours(0).ToArray());
    }

    [Fact]
    public void Create_SocialNetworkOf32_IsTheDavisGraph()
    {
        Assert.Equal(Davis.Edges, Topologies.Create(TopologyKind.SocialNetwork, 32).Edges);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Create_SocialNetworkOfOtherSize_ThrowsNamingThirtyTwo(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Topologies.Create(TopologyKind.SocialNetwork, n));
        Assert.Contains("exactly 32", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"got {n}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(31, false)]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public void Accepts_SocialNetwork_OnlyThirtyTwo(int n, bool accepted)
    {
        Assert.Equal(accepted, Topologies.Accepts(TopologyKind.SocialNetwork, n));
        Assert.Equal("exactly 32", Topologies.SizeRequirement(TopologyKind.SocialNetwork));
    }
}
