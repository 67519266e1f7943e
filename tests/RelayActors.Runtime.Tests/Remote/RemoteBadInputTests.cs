using System.Globalization;
using System.Text.RegularExpressions;
using System.Net.Sockets;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Remote;

public sealed class RemoteBadInputTests
{
    private static readonly Address FakePeer = new("fake", "127.0.0.1", 1);

    [Fact]
    public async Task Listener_GarbageBytes_RefusesThatConnectionAndKeepsServing()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");

        using (var raw = await ConnectRawAsync(b))
        {
            raw.Send(new byte[] { 0x47, 0x45, 0x54, 0x20, 0x2F, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2F, 0x31, 0x2E, 0x31, 0x0D, 0x0A, 0x0D, 0x0A, 0, 0, 0, 0, 0, 0 });
            var refused = b.Events.ExpectMsg<AssociationRefused>(RemoteNode.Timeout);
            Assert.Contains("bad magic", refused.Reason, StringComparison.Ordinal);
        }

        AssertStillServes(a, b, 1);
    }

    [Fact]
    public async Task Inbound_TruncatedFrame_LosesThatConnectionOnly()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");

        using (var raw = await ConnectAndHandshakeAsync(b, RemoteLane.Data))
        {
            var header = new byte[FrameHeader.Size];
            new FrameHeader(FrameKind.Message, 0, 0, 0, 4, 1000).Write(header);
            raw.Send(header);
            raw.Send(new byte[100]);
        }

        var lost = b.Events.ExpectMsg<AssociationLost>(RemoteNode.Timeout);
        Assert.Equal(FakePeer, lost.Remote);
        Assert.Contains("truncated", lost.Reason, StringComparison.Ordinal);
        AssertStillServes(a, b, 2);
    }

    [Fact]
    public async Task Inbound_FrameAboveMaximum_ClosesConnectionAndLogsBothSizes()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b", RemoteSettings.Default with { MaximumMessageSize = 1024 * 1024 });

        using (var raw = await ConnectAndHandshakeAsync(b, RemoteLane.Data))
        {
            var header = new byte[FrameHeader.Size];
            new FrameHeader(FrameKind.Message, 0, 0, 0, 4, 5_000_000).Write(header);
            raw.Send(header);
            b.Events.ExpectMsg<AssociationLost>(RemoteNode.Timeout);
        }

        Assert.Contains(b.Logs.Entries, e => e.EventId.Id == 608 && e.Message.Contains("5000004", StringComparison.Ordinal) && e.Message.Contains("1048576", StringComparison.Ordinal));
        Assert.Equal(1, b.Transport.Counters.FramesRejected);
        AssertStillServes(a, b, 3);
    }

    [Fact]
    public async Task Inbound_UnknownManifest_SkipsFrameAndConnectionSurvives()
    {
        var senderRegistry = RemoteNode.DefaultSerializers().AddJson("test.stranger", RemoteTestJsonContext.Default.Stranger);
        await using var a = await RemoteNode.StartAsync("a", serializers: senderRegistry);
        await using var b = await RemoteNode.StartAsync("b");
        var target = b.ProbeSeenFrom(a);

        target.Tell(new Stranger(1));
        target.Tell(new Ping(4, "after the stranger"));

        Assert.Equal(4, b.Probe.ExpectMsg<Ping>(RemoteNode.Timeout).Seq);
        Assert.Equal(1, b.Transport.Counters.FramesRejected);
        Assert.Contains(b.Logs.Entries, e => e.EventId.Id == 609 && e.Message.Contains("test.stranger", StringComparison.Ordinal));
        Assert.Equal(1, b.Transport.Counters.Control.MessagesReceived);
    }

    [Fact]
    public async Task Handshake_WrongSecret_IsRefusedAndTheGoodPeerStillWorks()
    {
        var good = RemoteSettings.Default with { Secret = "correct horse battery staple"u8.ToArray() };
        await using var a = await RemoteNode.StartAsync("a", good);
        await using var b = await RemoteNode.StartAsync("b", good);
        await using var intruder = await RemoteNode.StartAsync("intruder", good with { Secret = "wrong"u8.ToArray() });

        b.ProbeSeenFrom(intruder).Tell(new Ping(0, "let me in"));

        Assert.Contains("authentication failed", intruder.Events.ExpectMsg<AssociationRefused>(RemoteNode.Timeout).Reason, StringComparison.Ordinal);
        Assert.Contains("authentication failed", b.Events.ExpectMsg<AssociationRefused>(RemoteNode.Timeout).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Logs.Entries.Concat(intruder.Logs.Entries), e => e.Message.Contains("staple", StringComparison.Ordinal) || e.Message.Contains("wrong\"", StringComparison.Ordinal));
        AssertStillServes(a, b, 5);
        b.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Tell_MessageAboveMaximum_IsDroppedWithErrorAndAssociationSurvives()
    {
        await using var a = await RemoteNode.StartAsync("a", RemoteSettings.Default with { MaximumMessageSize = 1024 * 1024 });
        await using var b = await RemoteNode.StartAsync("b");
        var target = b.ProbeSeenFrom(a);

        target.Tell(new Vector(1, new float[512 * 1024]));
        target.Tell(new Vector(2, new float[16]));

        Assert.Equal(2, b.Probe.ExpectMsg<Vector>(RemoteNode.Timeout).Id);
        Assert.Equal(1, a.Transport.Counters.MessagesDropped);
        var error = Assert.Single(a.Logs.Entries, e => e.EventId.Id == 606);
        var size = long.Parse(Regex.Match(error.Message, "the message is ([0-9]+) bytes").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(size, 2L * 1024 * 1024, 2L * 1024 * 1024 + 200);
        Assert.Contains("maximum-message-size is 1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tell_UnregisteredType_IsDroppedWithError()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");

        b.ProbeSeenFrom(a).Tell(new Stranger(3));

        Assert.Equal(1, a.Transport.Counters.MessagesDropped);
        Assert.Contains(a.Logs.Entries, e => e.EventId.Id == 607 && e.Message.Contains("Stranger", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inbound_NoSuchRecipient_BecomesDeadLetter()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var deadLetters = new TestProbe(b.System, "dead-letters");
        b.System.EventStream.Subscribe(deadLetters.Ref.Untyped, typeof(DeadLetter));

        a.Transport.Resolve(ActorPath.Parse(b.Transport.Address + "/user/nobody")).Tell(new Ping(6, "anyone?"));

        var letter = deadLetters.ExpectMsg<DeadLetter>(RemoteNode.Timeout);
        Assert.Equal(new Ping(6, "anyone?"), letter.Message);
        Assert.Contains("/user/nobody", letter.Reason, StringComparison.Ordinal);
    }

    private static void AssertStillServes(RemoteNode a, RemoteNode b, int seq)
    {
        b.ProbeSeenFrom(a).Tell(new Ping(seq, "still there?"));
        Assert.Equal(seq, b.Probe.ExpectMsg<Ping>(RemoteNode.Timeout).Seq);
    }

    private static async Task<Socket> ConnectRawAsync(RemoteNode node)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(node.Transport.Address.Host!, node.Transport.Address.Port!.Value);
        return socket;
    }

    private static async Task<Socket> ConnectAndHandshakeAsync(RemoteNode node, RemoteLane lane)
    {
        var socket = await ConnectRawAsync(node);
        Handshake.Connect(socket, FakePeer, node.Transport.Address, lane, secret: null);
        return socket;
    }
}
