using RelayActors.Host.Configuration;

namespace RelayActors.Host.Tests.Configuration;

public sealed class SlurmHostListTests
{
    [Theory]
    [InlineData("login1", "login1")]
    [InlineData("gpu[01-03,07],login1", "gpu01,gpu02,gpu03,gpu07,login1")]
    [InlineData("node[8-11]", "node8,node9,node10,node11")]
    [InlineData("n[098-101]", "n098,n099,n100,n101")]
    [InlineData("r[1-2]n[1-2]", "r1n1,r1n2,r2n1,r2n2")]
    [InlineData("a,b[1],c-[2-3]-x", "a,b1,c-2-x,c-3-x")]
    [InlineData(" gpu[1, 3] , cpu2 ", "gpu1,gpu3,cpu2")]
    public void Expand_CompressedList_ListsHostsInOrderKeepingPadding(string list, string expected) =>
        Assert.Equal(expected, string.Join(",", SlurmHostList.Expand(list)));

    [Fact]
    public void First_IsTheFirstExpandedHost() => Assert.Equal("gpu01", SlurmHostList.First("gpu[01-03,07],login1"));

    [Theory]
    [InlineData("", "empty host name")]
    [InlineData("gpu[01-03", "not closed")]
    [InlineData("gpu01]", "without '['")]
    [InlineData("gpu[[1]]", "nested")]
    [InlineData("a,,b", "empty host name")]
    [InlineData("gpu[03-01]", "runs backwards")]
    [InlineData("gpu[a-b]", "not a number")]
    [InlineData("gpu[1-]", "not a number")]
    [InlineData("gpu[]", "not a number")]
    [InlineData("gpu[0-999999]", "more than")]
    public void Expand_MalformedList_ThrowsSayingWhatIsWrong(string list, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => SlurmHostList.Expand(list));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
