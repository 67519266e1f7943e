using RelayActors.Actors.Network;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Actors.Tests.Network;

/// <summary>The seeded part of a link: jitter, drops and their reproducibility.</summary>
public sealed class DelayedLinkRandomTests : ActorTestKit
{
    private const int Seed = 42;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(2);
    private static readonly LinkModel Jittery = LinkModel.Constant(Latency) with { Jitter = Jitter };

    [Fact]
    public void Send_WithJitter_EveryDelayLiesBetweenLatencyAndLatencyPlusJitter()
    {
        var delays = DelaysOneAtATime(Jittery, Seed, count: 500);

        Assert.All(delays, d => Assert.InRange(d, Latency, Latency + Jitter));
        // Uniform over [L, L+J]: 500 draws cover both ends of the range.
        Assert.InRange(delays.Min(), Latency, Latency + Jitter / 20);
        Assert.InRange(delays.Max(), Latency + Jitter * 19 / 20, Latency + Jitter);
    }

    [Fact]
    public void Send_WithJitter_SameSeedReproducesDelaysAndAnotherSeedDoesNot()
    {
        var first = DelaysOneAtATime(Jittery, Seed, count: 50);
        var again = DelaysOneAtATime(Jittery, Seed, count: 50);
        var other = DelaysOneAtATime(Jittery, Seed + 1, count: 50);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Send_WithJitterBackToBack_DeliversInSendOrder()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, Jittery, new Random(Seed));

        for (var i = 0; i < 100; i++)
            link.Send(new Packet(i));
        var arrivals = Arrivals.Receive(probe, Scheduler, 100);

        Assert.Equal(Enumerable.Range(0, 100), arrivals.Select(a => a.Seq));
        Assert.All(arrivals.Zip(arrivals.Skip(1)), pair => Assert.True(pair.First.At <= pair.Second.At));
        // FIFO holds later messages back to an earlier one's time (so some share it); it never makes one early.
        Assert.True(arrivals.Select(a => a.At).Distinct().Count() < 100);
        Assert.All(arrivals, a => Assert.InRange(a.At, Latency, Latency + Jitter));
        Assert.Equal(link.LastDeliveryTime, arrivals[^1].At);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void Send_WithDropProbability_DropsAboutThatFractionAndDroppedNeverArrive(double p)
    {
        const int count = 10_000;
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, LinkModel.Constant(Latency) with { DropProbability = p }, new Random(Seed));

        var kept = new List<int>();
        for (var i = 0; i < count; i++)
            if (link.Send(new Packet(i), sizeBytes: 10))
                kept.Add(i);
        Scheduler.RunUntilIdle();
        var received = new List<int>();
        while (probe.ReceiveOne() is Packet packet)
            received.Add(packet.Seq);

        // Binomial(10000, p) has a standard deviation of at most 0.005 in the fraction; 0.02 is four of them.
        Assert.InRange(link.MessagesDropped / (double)count, p - 0.02, p + 0.02);
        Assert.Equal(kept, received);
        Assert.Equal((count, count - kept.Count, 10L * kept.Count), (link.MessagesSent, link.MessagesDropped, link.BytesSent));
    }

    [Fact]
    public void Send_WithDropProbability_SameSeedDropsTheSameMessages()
    {
        Assert.Equal(DropPattern(Seed), DropPattern(Seed));
        Assert.NotEqual(DropPattern(Seed), DropPattern(Seed + 1));
    }

    [Fact]
    public void Send_DroppedMessage_DoesNotOccupyTheWire()
    {
        var probe = CreateTestProbe();
        var model = LinkModel.Constant(Latency) with { Bandwidth = 1_000_000, DropProbability = 0.5 };
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, model, new Random(Seed));

        var seq = 0;
        while (link.Send(new Packet(seq), 1_000_000))
            seq++;
        link.Send(new Packet(seq + 1), 1_000_000);
        Assert.True(link.MessagesDropped >= 1);

        var arrivals = Arrivals.Receive(probe, Scheduler, (int)(link.MessagesSent - link.MessagesDropped));
        // Only the messages not dropped took one second each on the wire.
        Assert.Equal(TimeSpan.FromSeconds(arrivals.Count) + Latency, arrivals[^1].At);
    }

    private List<TimeSpan> DelaysOneAtATime(LinkModel model, int seed, int count)
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<Packet>(Scheduler, probe.Ref, model, new Random(seed));
        var delays = new List<TimeSpan>(count);
        for (var i = 0; i < count; i++)
        {
            var sentAt = Scheduler.Now;
            link.Send(new Packet(i));
            delays.Add(Arrivals.Receive(probe, Scheduler, 1)[0].At - sentAt);
        }
        return delays;
    }

    private List<bool> DropPattern(int seed)
    {
        var link = new DelayedLink<Packet>(Scheduler, CreateTestProbe().Ref, LinkModel.Instant with { DropProbability = 0.3 }, new Random(seed));
        var pattern = new List<bool>(200);
        for (var i = 0; i < 200; i++)
            pattern.Add(link.Send(new Packet(i)));
        return pattern;
    }
}
