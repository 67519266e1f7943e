using System.Diagnostics;
using System.Runtime.InteropServices;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Remote;

public sealed class RemoteDeliveryTests
{
    [Fact]
    public async Task Tell_ToResolvedRemoteRef_ArrivesWithSenderAndReplyComesBack()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var echo = b.System.ActorOf(Props.Create(() => new EchoActor()), "echo");

        var remoteEcho = a.Transport.Resolve(echo.Path.WithAddress(b.Transport.Address));
        remoteEcho.Tell(new Ping(1, "hello"), a.Probe.Ref.Untyped);

        Assert.Equal(new Ping(1, "hello"), a.Probe.ExpectMsg<Ping>(RemoteNode.Timeout));
        Assert.IsType<RemoteActorRef>(a.Probe.LastSender);
        Assert.Equal(remoteEcho, a.Probe.LastSender);
        Assert.Equal("relay://b@127.0.0.1:" + b.Transport.Address.Port + "/user/echo", a.Probe.LastSender!.Path.ToString());
    }

    [Fact]
    public async Task Tell_BothNodesConnectAtOnce_OneAssociationEachWayAndBothDeliver()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var toB = b.ProbeSeenFrom(a);
        var toA = a.ProbeSeenFrom(b);

        Parallel.Invoke(() => toB.Tell(new Ping(1, "a→b")), () => toA.Tell(new Ping(2, "b→a")));

        Assert.Equal(1, b.Probe.ExpectMsg<Ping>(RemoteNode.Timeout).Seq);
        Assert.Equal(2, a.Probe.ExpectMsg<Ping>(RemoteNode.Timeout).Seq);
        Assert.Equal(b.Transport.Address, a.Events.ExpectMsg<AssociationEstablished>(RemoteNode.Timeout).Remote);
        Assert.Equal(a.Transport.Address, b.Events.ExpectMsg<AssociationEstablished>(RemoteNode.Timeout).Remote);
        a.Events.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        b.Events.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Resolve_OwnAddress_ReturnsTheLocalActor()
    {
        await using var a = await RemoteNode.StartAsync("a");

        var resolved = a.Transport.Resolve(a.Probe.Ref.Path.WithAddress(a.Transport.Address));

        Assert.Equal(a.Probe.Ref.Untyped, resolved);
    }

    [Fact]
    public async Task Tell_TenThousandMessagesOnOneLane_ArriveInOrder()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var target = b.ProbeSeenFrom(a);

        for (var i = 0; i < 10_000; i++)
            target.Tell(new Ping(i, "x"));

        var received = b.Probe.ReceiveN(10_000, TimeSpan.FromSeconds(60));
        for (var i = 0; i < received.Count; i++)
            Assert.Equal(i, ((Ping)received[i]).Seq);
        Assert.Equal(10_000, b.Transport.Counters.Control.MessagesReceived);
    }

    [Fact]
    public async Task Tell_FortyMebibyteVector_ArrivesBitIdentical()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var data = new float[10 * 1024 * 1024];
        var random = new Random(7);
        for (var i = 0; i < data.Length; i++)
            data[i] = (float)random.NextDouble() - 0.5f;
        data[0] = float.NaN;
        data[1] = -0.0f;
        data[2] = BitConverter.Int32BitsToSingle(0x7FC0_1234); // a NaN with a payload

        b.ProbeSeenFrom(a).Tell(new Vector(42, data));

        var received = b.Probe.ExpectMsg<Vector>(TimeSpan.FromSeconds(60));
        Assert.Equal(42, received.Id);
        Assert.True(MemoryMarshal.AsBytes(data.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(received.Data.AsSpan())));
        Assert.Equal(1, b.Transport.Counters.Data.MessagesReceived);
    }

    [Fact]
    public async Task ControlLane_WhileDataLaneSaturated_KeepsLowLatency()
    {
        await using var a = await RemoteNode.StartAsync("a");
        await using var b = await RemoteNode.StartAsync("b");
        var echo = b.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var sink = b.System.ActorOf(Props.Create(() => new SinkActor()), "sink");
        var remoteEcho = a.Transport.Resolve(echo.Path.WithAddress(b.Transport.Address));
        var remoteSink = a.Transport.Resolve(sink.Path.WithAddress(b.Transport.Address));
        remoteEcho.Tell(new Ping(-1, "warm-up"), a.Probe.Ref.Untyped);
        a.Probe.ExpectMsg<Ping>(RemoteNode.Timeout);

        using var stop = new CancellationTokenSource();
        var vector = new Vector(0, new float[2 * 1024 * 1024]); // 8 MiB
        // A dedicated thread: the flood blocks at send-buffer-limit (keeping the data lane full), and blocking a
        // thread-pool thread would starve the actors whose latency this measures.
        var flood = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
                remoteSink.Tell(vector);
        });
        flood.Start();
        // Measure only once bulk data is flowing: the lane is full from then on, since the flood blocks at send-buffer-limit.
        ActorTestKit.AwaitAssert(a.System, () => Assert.True(b.Transport.Counters.Data.MessagesReceived >= 2), RemoteNode.Timeout);
        var worst = TimeSpan.Zero;
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            remoteEcho.Tell(new Ping(i, "control"), a.Probe.Ref.Untyped);
            a.Probe.ExpectMsg<Ping>(p => p.Seq == i, RemoteNode.Timeout);
            worst = clock.Elapsed > worst ? clock.Elapsed : worst;
        }
        var floodStillRunning = flood.IsAlive;
        await stop.CancelAsync();
        flood.Join();

        Assert.True(floodStillRunning, "the flood ended during the measurement");
        Assert.True(worst < TimeSpan.FromSeconds(1), $"worst control round trip {worst.TotalMilliseconds:F0} ms while the data lane was saturated");
    }

    /// <summary>Discards everything.</summary>
    private sealed class SinkActor : UntypedActor
    {
        protected override void Receive(object message)
        {
        }
    }
}
