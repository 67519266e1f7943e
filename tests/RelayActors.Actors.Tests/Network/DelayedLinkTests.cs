using RelayActors.Actors.Network;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Actors.Tests.Network;

/// <summary>The deterministic part of a link: latency, the serial wire, FIFO and counters.</summary>
public sealed class DelayedLinkTests : ActorTestKit
{
    private const long Megabyte = 1_000_000;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly LinkModel OneMegabytePerSecond = LinkModel.Constant(Latency) with { Bandwidth = Megabyte };

    [Fact]
    public void Send_DeliversOnlyAfterLinkLatency()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<IWorkerMessage>(Scheduler, probe.Ref, LinkModel.Constant(Latency));

        link.Send(new PeerMessage<float>(1, 0, 0, 0, 1, new float[] { 2f }));
        probe.ExpectNoMsg(Latency - TimeSpan.FromTicks(1));
        var message = probe.ExpectMsg<PeerMessage<float>>(TimeSpan.FromTicks(1));

        Assert.Equal(Latency, Scheduler.Now);
        Assert.Equal((1, 0, 1), (message.From, message.Round, message.Count));
        Assert.Equal([2f], message.Payload.ToArray());
    }

    [Fact]
    public void Send_SeveralMessages_ArriveInSendOrderAndAreCounted()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<IWorkerMessage>(Scheduler, probe.Ref, LinkModel.Constant(Latency));

        link.Send(new PeerMessage<float>(1, 0, 0, 0, 1, new float[1]));
        link.Send(new PeerMessage<float>(1, 1, 0, 0, 2, new float[1]));

        Assert.Equal(0L, probe.ExpectMsg<PeerMessage<float>>(Latency).Step);
        Assert.Equal(1L, probe.ExpectMsg<PeerMessage<float>>().Step);
        Assert.Equal(2, link.MessagesSent);
    }

    [Fact]
    public void Send_InstantLink_DeliversWithoutAdvancingClock()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<IWorkerMessage>(Scheduler, probe.Ref, LinkModel.Instant);

        link.Send(new PeerMessage<float>(3, 0, 0, 0, 1, new float[1]));
        Scheduler.RunUntilIdle();

        Assert.Equal(3, probe.ExpectMsg<PeerMessage<float>>().From);
        Assert.Equal(TimeSpan.Zero, Scheduler.Now);
    }

    [Fact]
    public void Send_InstantLink_TellsTargetWithoutSchedulerItemAndKeepsSendOrder()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, LinkModel.Instant);

        for (var i = 0; i < 3; i++)
            link.Send(new Packet(i), 100);

        Assert.Equal(0, Scheduler.PendingCount);
        Assert.Equal([(0, TimeSpan.Zero), (1, TimeSpan.Zero), (2, TimeSpan.Zero)], Arrivals.Receive(probe, Scheduler, 3));
        Assert.Equal(300, link.BytesSent);
    }

    [Fact]
    public void Send_OneMegabyteAtOneMegabytePerSecond_ArrivesAfterOneSecondPlusLatency()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, OneMegabytePerSecond);

        Assert.True(link.Send(new Packet(0), Megabyte));
        probe.ExpectNoMsg(OneSecond + Latency - TimeSpan.FromTicks(1));
        probe.ExpectMsg(new Packet(0), TimeSpan.FromTicks(1));

        Assert.Equal(OneSecond + Latency, Scheduler.Now);
    }

    [Fact]
    public void Send_TwoLargeMessagesBackToBack_SecondQueuesBehindFirstOnTheWire()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, OneMegabytePerSecond);

        link.Send(new Packet(0), Megabyte);
        link.Send(new Packet(1), Megabyte);

        Assert.Equal([(0, OneSecond + Latency), (1, 2 * OneSecond + Latency)], Arrivals.Receive(probe, Scheduler, 2));
    }

    [Fact]
    public void Send_AfterTheWireWentIdle_TransmissionStartsNow()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, OneMegabytePerSecond);
        link.Send(new Packet(0), Megabyte);
        Assert.Equal([(0, OneSecond + Latency)], Arrivals.Receive(probe, Scheduler, 1));
        Scheduler.AdvanceTo(5 * OneSecond);

        link.Send(new Packet(1), Megabyte / 2);

        Assert.Equal([(1, 5.5 * OneSecond + Latency)], Arrivals.Receive(probe, Scheduler, 1));
    }

    [Fact]
    public void Send_SmallMessageBehindLargeOne_WaitsForTheWire()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, OneMegabytePerSecond);

        link.Send(new Packet(0), Megabyte);
        link.Send(new Packet(1));

        Assert.Equal([(0, OneSecond + Latency), (1, OneSecond + Latency)], Arrivals.Receive(probe, Scheduler, 2));
    }

    [Fact]
    public void Send_SizeOverUnlimitedBandwidth_AddsNoDelay()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, LinkModel.Constant(Latency));

        link.Send(new Packet(0), 1L << 40);
        link.Send(new Packet(1), 1L << 40);

        Assert.Equal([(0, Latency), (1, Latency)], Arrivals.Receive(probe, Scheduler, 2));
    }

    [Fact]
    public void Send_CountsMessagesBytesAndLastDeliveryTime()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, OneMegabytePerSecond);
        Assert.Null(link.LastDeliveryTime);

        link.Send(new Packet(0), Megabyte);
        link.Send(new Packet(1), 250_000);

        Assert.Equal((2L, 0L, 1_250_000L), (link.MessagesSent, link.MessagesDropped, link.BytesSent));
        Assert.Equal(1.25 * OneSecond + Latency, link.LastDeliveryTime);
    }

    [Fact]
    public void Send_ModelWithoutJitterOrDrops_DrawsNothingFromTheGenerator()
    {
        var probe = CreateTestProbe();
        var random = new Random(7);
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, OneMegabytePerSecond, random);

        for (var i = 0; i < 10; i++)
            link.Send(new Packet(i), 1000);

        Assert.Equal(new Random(7).NextDouble(), random.NextDouble());
    }

    [Fact]
    public void Send_NegativeSize_ThrowsAndCountsNothing()
    {
        var link = new DelayedLink<Packet>(Scheduler, CreateTestProbe().Ref, LinkModel.Instant);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => link.Send(new Packet(0), -1));

        Assert.Equal("sizeBytes", ex.ParamName);
        Assert.Equal(0, link.MessagesSent);
    }

    [Fact]
    public void Constructor_RandomModelWithoutGenerator_Throws()
    {
        var model = LinkModel.Constant(Latency) with { Jitter = TimeSpan.FromMilliseconds(1) };

        var ex = Assert.Throws<ArgumentException>(() => new DelayedLink<Packet>(Scheduler, CreateTestProbe().Ref, model));

        Assert.Equal("model", ex.ParamName);
        Assert.Contains("jitter 1 ms", ex.Message, StringComparison.Ordinal);
    }
}
