using RelayActors.Runtime.Remote;

namespace RelayActors.Runtime.Tests.Remote;

public sealed class SerializerRegistryTests
{
    [Fact]
    public void Add_DuplicateManifest_ThrowsNamingIt()
    {
        var registry = new SerializerRegistry().AddJson("test.ping", RemoteTestJsonContext.Default.Ping);

        var error = Assert.Throws<ArgumentException>(() => registry.AddJson("test.ping", RemoteTestJsonContext.Default.Stranger));

        Assert.Contains("'test.ping'", error.Message, StringComparison.Ordinal);
        Assert.Null(registry.ForType(typeof(Stranger)));
    }

    [Fact]
    public void JsonSerializer_RoundTrip_GivesEqualMessage()
    {
        var serializer = new SerializerRegistry().AddJson("test.ping", RemoteTestJsonContext.Default.Ping).ForManifest("test.ping")!;
        using var header = new PooledBufferWriter();

        var bulk = serializer.Write(new Ping(3, "ünïcode"), header);
        var read = serializer.Read(header.WrittenSpan, 0, out var destination);

        Assert.True(bulk.IsEmpty && destination.IsEmpty);
        Assert.Equal(new Ping(3, "ünïcode"), read);
        Assert.Equal(RemoteLane.Control, serializer.Lane);
    }
}
