using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>Worker 0 of a 2-chain whose peer (worker 1) is a probe: when its messages arrive on the virtual clock.</summary>
public sealed class WorkerLatencyTests : ActorTestKit
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    /// <summary>10⁷ bytes per second: one byte per 100 ns tick, so transmission time in ticks = message size in bytes.</summary>
    private const double OneBytePerTick = TimeSpan.TicksPerSecond;

    [Fact]
    public void PeerMessage_OfLaterRound_ArrivesExactlyLatencyAfterTheRoundBegan()
    {
        var (worker, peer, _) = Spawn("worker", 1, LinkModel.Constant(Latency));
        peer.ExpectMsg<PeerMessage<double>>(m => m.Step == 0, Latency);
        Scheduler.Advance(TimeSpan.FromMilliseconds(2.5));
        var roundOneBegins = Scheduler.Now;

        worker.Tell(new PeerMessage<double>(1, 0, 0, 0, 1, new[] { 3.0 }));
        peer.ExpectNoMsg(Latency - Tick);
        var message = peer.ExpectMsg<PeerMessage<double>>(Tick);

        Assert.Equal(roundOneBegins + Latency, Scheduler.Now);
        Assert.Equal((0, 1L, 1), (message.From, message.Step, message.Count));
    }

    [Fact]
    public void PeerMessage_WithBandwidth_ArrivesAfterTransmissionOfItsBytesPlusLatency()
    {
        var (worker, peer, monitor) = Spawn("worker", 1, LinkModel.Constant(Latency) with { Bandwidth = OneBytePerTick });

        peer.ExpectMsg<PeerMessage<double>>(Latency + Latency);
        var arrival = Scheduler.Now;
        worker.Tell(new PeerMessage<double>(1, 0, 0, 0, 1, new[] { 3.0 }));
        var bytes = monitor.ExpectMsg<StepCompleted<double>>().Counters.BytesSent;

        Assert.Equal(Latency + TimeSpan.FromTicks(bytes), arrival);
    }

    [Fact]
    public void PeerMessage_ThousandMoreDoubles_ArrivesLaterBySizeOverBandwidth()
    {
        // 1000 more doubles are 8000 more bytes: 8000 ticks (0.8 ms) more on a wire of 10⁷ bytes per second.
        var link = LinkModel.Constant(Latency) with { Bandwidth = OneBytePerTick };
        var (_, smallPeer, _) = Spawn("small", 1, link);
        var (_, largePeer, _) = Spawn("large", 1001, link);

        smallPeer.ExpectMsg<PeerMessage<double>>(Latency + Latency);
        var smallArrival = Scheduler.Now;
        largePeer.ExpectNoMsg(TimeSpan.FromTicks(8000) - Tick);
        var large = largePeer.ExpectMsg<PeerMessage<double>>(Tick);

        Assert.Equal(smallArrival + TimeSpan.FromTicks(8000), Scheduler.Now);
        Assert.Equal(1001, large.Payload.Length);
    }

    /// <summary>Starts worker 0 (RelaySum of a <paramref name="dimension"/>-vector of ones) with a probe as worker 1 and one as the monitor.</summary>
    private (IActorRef<IWorkerMessage> Worker, TestProbe Peer, TestProbe Monitor) Spawn(string name, int dimension, LinkModel link)
    {
        var peer = CreateTestProbe($"{name}-peer");
        var monitor = CreateTestProbe($"{name}-monitor");
        var node = RelaySumNodes.Create([Topologies.Chain(2)], [Enumerable.Repeat(1.0, dimension).ToArray(), new double[dimension]])[0];
        var worker = Sys.ActorOf(Props.Create(() => new WorkerActor<double>(node, new WorkerOptions { Steps = 3 }, monitor.Ref)), name);
        worker.Tell(new StartWorker([worker, peer.Ref], new NetworkSettings { Link = link }, 0));
        return (worker, peer, monitor);
    }
}
