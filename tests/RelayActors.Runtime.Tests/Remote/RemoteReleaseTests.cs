using System.Buffers;
using System.Collections.Concurrent;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Remote;

/// <summary>
/// <see cref="IMessageSerializer.Released"/>: once per accepted message, after its bulk part was written or dropped,
/// which is what lets a serializer hand a sent payload back to a pool.
/// </summary>
public sealed class RemoteReleaseTests
{
    [Fact]
    public async Task Released_AfterDelivery_OncePerMessage()
    {
        var releases = new ReleaseCountingSerializer();
        await using var a = await RemoteNode.StartAsync("a", serializers: Serializers(releases));
        await using var b = await RemoteNode.StartAsync("b");
        var target = b.ProbeSeenFrom(a);
        var sent = Enumerable.Range(0, 20).Select(i => new Vector(i, new float[64 * 1024 + i])).ToArray();

        foreach (var v in sent)
            target.Tell(v);

        b.Probe.ReceiveN(sent.Length, RemoteNode.Timeout);
        ActorTestKit.AwaitAssert(a.System, () => Assert.Equal(sent.Length, releases.Count), RemoteNode.Timeout);
        Assert.All(sent, v => Assert.Equal(1, releases.TimesReleased(v)));
    }

    [Fact]
    public async Task Released_MessageAboveMaximum_IsReleasedWhenDropped()
    {
        var releases = new ReleaseCountingSerializer();
        await using var a = await RemoteNode.StartAsync("a", RemoteSettings.Default with { MaximumMessageSize = 1024 * 1024 }, Serializers(releases));
        await using var b = await RemoteNode.StartAsync("b");
        var tooLarge = new Vector(1, new float[512 * 1024]);

        b.ProbeSeenFrom(a).Tell(tooLarge);

        Assert.Equal(1, releases.TimesReleased(tooLarge));
        Assert.Equal(1, a.Transport.Counters.MessagesDropped);
    }

    [Fact]
    public async Task Released_ToNodeThatIsDown_IsReleasedWhenDropped()
    {
        var releases = new ReleaseCountingSerializer();
        await using var a = await RemoteNode.StartAsync("a", RemoteSettings.Default with { ConnectTimeout = TimeSpan.FromSeconds(1) }, Serializers(releases));
        var nowhere = a.Transport.Resolve(ActorPath.Parse("relay://gone@127.0.0.1:1/user/x"));
        var lost = new Vector(1, new float[16]);

        nowhere.Tell(lost);

        ActorTestKit.AwaitAssert(a.System, () => Assert.Equal(1, releases.TimesReleased(lost)), RemoteNode.Timeout);
        Assert.Equal(1, a.Transport.Counters.MessagesDropped);
    }

    private static SerializerRegistry Serializers(ReleaseCountingSerializer vectors) =>
        new SerializerRegistry().AddJson("test.ping", RemoteTestJsonContext.Default.Ping).Add(vectors);

    /// <summary><see cref="VectorSerializer"/> that counts <see cref="Released"/> calls per message.</summary>
    private sealed class ReleaseCountingSerializer : IMessageSerializer
    {
        private readonly VectorSerializer _inner = new();
        private readonly ConcurrentDictionary<Vector, int> _released = new(ReferenceEqualityComparer.Instance);

        public Type MessageType => _inner.MessageType;

        public string Manifest => _inner.Manifest;

        public RemoteLane Lane => _inner.Lane;

        public int Count => _released.Values.Sum();

        public int TimesReleased(Vector v) => _released.GetValueOrDefault(v);

        public ReadOnlyMemory<byte> Write(object message, IBufferWriter<byte> header) => _inner.Write(message, header);

        public object Read(ReadOnlySpan<byte> header, int bulkLength, out Memory<byte> bulk) => _inner.Read(header, bulkLength, out bulk);

        public void Released(object message) => _released.AddOrUpdate((Vector)message, 1, static (_, n) => n + 1);
    }
}
