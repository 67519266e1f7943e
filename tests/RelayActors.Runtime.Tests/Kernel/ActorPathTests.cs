using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class ActorPathTests
{
    [Theory]
    [InlineData("relay://training/user/worker-3")]
    [InlineData("relay://training@10.0.0.2:4711/user/worker-3")]
    [InlineData("relay://sys/")]
    [InlineData("relay://sys@host-a:0/system/testProbe-1")]
    public void Parse_ThenToString_RoundTrips(string text) =>
        Assert.Equal(text, ActorPath.Parse(text).ToString());

    [Fact]
    public void Parse_RemotePath_ExposesAddressAndElements()
    {
        var path = ActorPath.Parse("relay://training@10.0.0.2:4711/user/worker-3");

        Assert.Equal(new Address("training", "10.0.0.2", 4711), path.Address);
        Assert.Equal(["user", "worker-3"], path.Elements);
        Assert.Equal("worker-3", path.Name);
        Assert.False(path.Address.IsLocal);
    }

    [Theory]
    [InlineData("akka://sys/user/a", "must start with 'relay://'")]
    [InlineData("relay://sys@host/user/a", "host:port")]
    [InlineData("relay://sys@host:99999/user/a", "host:port")]
    [InlineData("relay://bad name/user", "system name")]
    [InlineData("relay://sys/user/has space", "contains ' '")]
    [InlineData("relay://sys/user//a", "is empty")]
    public void Parse_Invalid_ThrowsSayingWhy(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => ActorPath.Parse(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Child_BuildsLocalPathWithoutHost()
    {
        var path = ActorPath.Root(new Address("sys")).Child("user").Child("w");

        Assert.Equal("relay://sys/user/w", path.ToString());
        Assert.Equal(ActorPath.Parse("relay://sys/user/w"), path);
    }

    [Fact]
    public void WithAddress_MovesPathToRemoteAddress() =>
        Assert.Equal("relay://sys@h:1/user/w", ActorPath.Parse("relay://sys/user/w").WithAddress(new Address("sys", "h", 1)).ToString());
}
