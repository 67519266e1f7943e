using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>Worker 1, the middle of a 3-chain with value 6, talking to probes that stand in for workers 0 and 2 and the monitor.</summary>
public sealed class ConsensusWorkerTests : ActorTestKit
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(1);
    private readonly TestProbe _left;
    private readonly TestProbe _right;
    private readonly TestProbe _monitor;
    private readonly IActorRef<IConsensusMessage> _worker;

    public ConsensusWorkerTests()
    {
        _left = CreateTestProbe("left");
        _right = CreateTestProbe("right");
        _monitor = CreateTestProbe("monitor");
        var node = ConsensusNodes.Create(ConsensusAlgorithm.RelaySum, Topologies.Chain(3), 1, [6f]);
        _worker = Sys.ActorOf(Props.Create(() => new ConsensusWorker(node, 3, _monitor.Ref)), "worker-1");
    }

    [Fact]
    public void StartRounds_SendsOwnValueToEveryNeighbourExactlyAfterLatency()
    {
        Start();

        _left.ExpectNoMsg(Latency - TimeSpan.FromTicks(1));
        var toLeft = _left.ExpectMsg<RoundMessage>(TimeSpan.FromTicks(1));
        var toRight = _right.ExpectMsg<RoundMessage>();

        Assert.Equal(Latency, Scheduler.Now);
        Assert.Equal((1, 0, 1), (toLeft.From, toLeft.Round, toLeft.Count));
        Assert.Equal([6f], toLeft.Payload.ToArray());
        Assert.Equal([6f], toRight.Payload.ToArray());
        _monitor.ExpectNoMsg();
    }

    [Fact]
    public void RoundMessages_FromAllNeighbours_ReportRoundAndRelayOthersNextRound()
    {
        Start();
        DrainRound(0);

        Deliver(0, 0, 1, 3f);
        _monitor.ExpectNoMsg();
        Deliver(2, 0, 1, 12f);

        var report = _monitor.ExpectMsg<RoundCompleted>();
        Assert.Equal((1, 0, 3), (report.Worker, report.Round, report.Count));
        Assert.Equal([7f], report.Estimate.ToArray());
        Assert.Equal(2, report.MessagesSent);
        // Round 1: to the left goes own + what the right sent in round 0, and vice versa.
        var toLeft = _left.ExpectMsg<RoundMessage>(Latency);
        var toRight = _right.ExpectMsg<RoundMessage>();
        Assert.Equal((1, 2, 18f), (toLeft.Round, toLeft.Count, toLeft.Payload.Span[0]));
        Assert.Equal((1, 2, 9f), (toRight.Round, toRight.Count, toRight.Payload.Span[0]));
    }

    [Fact]
    public void EarlyMessage_OfNextRound_WaitsUntilThatRoundBegins()
    {
        Start();
        DrainRound(0);

        Deliver(0, 0, 1, 3f);
        Deliver(0, 1, 1, 100f); // the left neighbour already finished round 0
        Deliver(2, 0, 1, 12f);

        Assert.Equal([7f], _monitor.ExpectMsg<RoundCompleted>(r => r.Round == 0).Estimate.ToArray());
        var toRight = _right.ExpectMsg<RoundMessage>(Latency);
        Assert.Equal(9f, toRight.Payload.Span[0]); // own 6 + the round-0 message 3, not the early 100
        Deliver(2, 1, 1, 12f);
        var report = _monitor.ExpectMsg<RoundCompleted>(r => r.Round == 1);
        Assert.Equal([(6f + 100f + 12f) / 3f], report.Estimate.ToArray());
    }

    [Fact]
    public void DuplicateAndLateMessages_AreIgnoredAndCounted()
    {
        Start();
        DrainRound(0);

        Deliver(0, 0, 1, 3f);
        Deliver(0, 0, 1, 50f);
        Deliver(2, 0, 1, 12f);
        var first = _monitor.ExpectMsg<RoundCompleted>();
        DrainRound(1);
        Deliver(2, 0, 1, 12f);
        Deliver(0, 1, 1, 3f);
        Deliver(2, 1, 1, 12f);
        var second = _monitor.ExpectMsg<RoundCompleted>();

        Assert.Equal([7f], first.Estimate.ToArray());
        Assert.Equal(1, first.MessagesIgnored);
        Assert.Equal(2, second.MessagesIgnored);
    }

    [Fact]
    public void LastRound_Completed_SendsNothingMore()
    {
        Start();
        for (var round = 0; round < 3; round++)
        {
            DrainRound(round);
            Deliver(0, round, 1, 3f);
            Deliver(2, round, 1, 12f);
            Assert.Equal(round, _monitor.ExpectMsg<RoundCompleted>().Round);
        }

        _left.ExpectNoMsg(TimeSpan.FromMilliseconds(10));
        _right.ExpectNoMsg();
        _monitor.ExpectNoMsg();
    }

    private void Start() =>
        _worker.Tell(new StartRounds([
            new NeighbourLink(0, _left.Ref, LinkModel.Constant(Latency)),
            new NeighbourLink(2, _right.Ref, LinkModel.Constant(Latency)),
        ]));

    private void Deliver(int from, int round, int count, float value) =>
        _worker.Tell(new RoundMessage(from, round, count, new[] { value }));

    private void DrainRound(int round)
    {
        _left.ExpectMsg<RoundMessage>(m => m.Round == round, Latency);
        _right.ExpectMsg<RoundMessage>(m => m.Round == round, Latency);
    }
}
