using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>Worker 1, the middle of a 3-chain with value 6, talking to probes that stand in for workers 0 and 2 and the monitor.</summary>
public sealed class WorkerActorTests : ActorTestKit
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(1);
    private readonly TestProbe _left;
    private readonly TestProbe _right;
    private readonly TestProbe _monitor;
    private readonly IActorRef<IWorkerMessage> _worker;

    public WorkerActorTests()
    {
        _left = CreateTestProbe("left");
        _right = CreateTestProbe("right");
        _monitor = CreateTestProbe("monitor");
        var node = ConsensusNodes.Create(ConsensusAlgorithm.RelaySum, Topologies.Chain(3), 1, [6f]);
        _worker = Sys.ActorOf(Props.Create(() => new WorkerActor<float>(node, new WorkerOptions { Steps = 3 }, _monitor.Ref)), "worker-1");
    }

    [Fact]
    public void StartRounds_SendsOwnValueToEveryNeighbourExactlyAfterLatency()
    {
        Start();

        _left.ExpectNoMsg(Latency - TimeSpan.FromTicks(1));
        var toLeft = _left.ExpectMsg<PeerMessage<float>>(TimeSpan.FromTicks(1));
        var toRight = _right.ExpectMsg<PeerMessage<float>>();

        Assert.Equal(Latency, Scheduler.Now);
        Assert.Equal((1, 0, 1), (toLeft.From, (int)toLeft.Step, toLeft.Count));
        Assert.Equal([6f], toLeft.Payload.ToArray());
        Assert.Equal([6f], toRight.Payload.ToArray());
        _monitor.ExpectNoMsg();
    }

    [Fact]
    public void PeerMessages_FromAllNeighbours_ReportRoundAndRelayOthersNextRound()
    {
        Start();
        DrainRound(0);

        Deliver(0, 0, 1, 3f);
        _monitor.ExpectNoMsg();
        Deliver(2, 0, 1, 12f);

        var report = _monitor.ExpectMsg<StepCompleted<float>>();
        Assert.Equal((1, 0L, 3), (report.Worker, report.Step, report.Count));
        Assert.Equal([7f], report.Model.ToArray());
        Assert.Equal(2, report.Counters.MessagesSent);
        // Round 1: to the left goes own + what the right sent in round 0, and vice versa.
        var toLeft = _left.ExpectMsg<PeerMessage<float>>(Latency);
        var toRight = _right.ExpectMsg<PeerMessage<float>>();
        Assert.Equal((1, 2, 18f), (toLeft.Step, toLeft.Count, toLeft.Payload.Span[0]));
        Assert.Equal((1, 2, 9f), (toRight.Step, toRight.Count, toRight.Payload.Span[0]));
    }

    [Fact]
    public void EarlyMessage_OfNextRound_WaitsUntilThatRoundBegins()
    {
        Start();
        DrainRound(0);

        Deliver(0, 0, 1, 3f);
        Deliver(0, 1, 1, 100f); // the left neighbour already finished round 0
        Deliver(2, 0, 1, 12f);

        Assert.Equal([7f], _monitor.ExpectMsg<StepCompleted<float>>(r => r.Step == 0).Model.ToArray());
        var toRight = _right.ExpectMsg<PeerMessage<float>>(Latency);
        Assert.Equal(9f, toRight.Payload.Span[0]); // own 6 + the round-0 message 3, not the early 100
        Deliver(2, 1, 1, 12f);
        var report = _monitor.ExpectMsg<StepCompleted<float>>(r => r.Step == 1);
        Assert.Equal([(6f + 100f + 12f) / 3f], report.Model.ToArray());
    }

    [Fact]
    public void PeerMessage_BeforeStartWorker_IsKeptForItsRound()
    {
        // On a cluster a neighbour on another node may start (and send) before this node's StartWorker arrives; dropping
        // its message would leave this worker waiting for it forever (synchronous rounds, no timeout).
        Deliver(0, 0, 1, 3f);
        Deliver(2, 0, 1, 12f);

        Start();

        var report = _monitor.ExpectMsg<StepCompleted<float>>();
        Assert.Equal((0L, 3), (report.Step, report.Count));
        Assert.Equal([7f], report.Model.ToArray());
        Assert.Equal(0, report.Counters.MessagesIgnored);
    }

    [Fact]
    public void PeerMessage_BeforeStartWorkerOfAnEarlierStep_IsIgnored()
    {
        var node = ConsensusNodes.Create(ConsensusAlgorithm.RelaySum, Topologies.Chain(3), 1, [6f]);
        var worker = Sys.ActorOf(Props.Create(() => new WorkerActor<float>(node, new WorkerOptions { FirstStep = 2, Steps = 3 }, _monitor.Ref)), "worker-1-resumed");
        worker.Tell(new PeerMessage<float>(0, 1, 0, 0, 1, new[] { 100f }));   // of step 1: before this segment

        worker.Tell(new StartWorker([_left.Ref, worker, _right.Ref], new NetworkSettings { Link = LinkModel.Constant(Latency) }, 0));
        worker.Tell(new PeerMessage<float>(0, 2, 0, 0, 1, new[] { 3f }));
        worker.Tell(new PeerMessage<float>(2, 2, 0, 0, 1, new[] { 12f }));

        var report = _monitor.ExpectMsg<StepCompleted<float>>();
        Assert.Equal(2L, report.Step);
        Assert.Equal(1, report.Counters.MessagesIgnored);
    }

    [Fact]
    public void DuplicateAndLateMessages_AreIgnoredAndCounted()
    {
        Start();
        DrainRound(0);

        Deliver(0, 0, 1, 3f);
        Deliver(0, 0, 1, 50f);
        Deliver(2, 0, 1, 12f);
        var first = _monitor.ExpectMsg<StepCompleted<float>>();
        DrainRound(1);
        Deliver(2, 0, 1, 12f);
        Deliver(0, 1, 1, 3f);
        Deliver(2, 1, 1, 12f);
        var second = _monitor.ExpectMsg<StepCompleted<float>>();

        Assert.Equal([7f], first.Model.ToArray());
        Assert.Equal(1, first.Counters.MessagesIgnored);
        Assert.Equal(2, second.Counters.MessagesIgnored);
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
            Assert.Equal(round, _monitor.ExpectMsg<StepCompleted<float>>().Step);
        }

        _left.ExpectNoMsg(TimeSpan.FromMilliseconds(10));
        _right.ExpectNoMsg();
        _monitor.ExpectNoMsg();
    }

    [Fact]
    public void RoundTimeout_MissingMessage_CountsAsDroppedAndMovesOn()
    {
        Start(new NetworkSettings { Link = LinkModel.Constant(Latency), RoundTimeout = TimeSpan.FromMilliseconds(5) });
        DrainRound(0);

        Deliver(0, 0, 1, 3f);
        _monitor.ExpectNoMsg(TimeSpan.FromMilliseconds(4) - TimeSpan.FromTicks(1));
        var report = _monitor.ExpectMsg<StepCompleted<float>>(TimeSpan.FromTicks(1));

        Assert.Equal(TimeSpan.FromMilliseconds(5), Scheduler.Now);
        Assert.Equal(2, report.Count); // own value and the left neighbour's; the right one was dropped
        Assert.Equal([4.5f], report.Model.ToArray());
        Assert.Equal(1, report.Counters.MessagesTimedOut);
        // The dropped message is not relayed: round 1 to the left carries only the own value.
        var toLeft = _left.ExpectMsg<PeerMessage<float>>(m => m.Step == 1, Latency);
        Assert.Equal((1, 6f), (toLeft.Count, toLeft.Payload.Span[0]));
    }

    [Fact]
    public void RoundTimeout_LateMessageAfterTimeout_IsIgnored()
    {
        Start(new NetworkSettings { Link = LinkModel.Constant(Latency), RoundTimeout = TimeSpan.FromMilliseconds(5) });
        DrainRound(0);
        Deliver(0, 0, 1, 3f);
        _monitor.ExpectMsg<StepCompleted<float>>(TimeSpan.FromMilliseconds(5));

        Deliver(2, 0, 1, 12f);
        DrainRound(1);
        Deliver(0, 1, 1, 3f);
        Deliver(2, 1, 1, 12f);

        var report = _monitor.ExpectMsg<StepCompleted<float>>();
        Assert.Equal(1L, report.Step);
        Assert.Equal(1, report.Counters.MessagesIgnored);
    }

    private void Start(NetworkSettings? network = null) =>
        _worker.Tell(new StartWorker([_left.Ref, _worker, _right.Ref], network ?? new NetworkSettings { Link = LinkModel.Constant(Latency) }, 0));

    private void Deliver(int from, int round, int count, float value) =>
        _worker.Tell(new PeerMessage<float>(from, round, 0, 0, count, new[] { value }));

    private void DrainRound(int round)
    {
        _left.ExpectMsg<PeerMessage<float>>(m => m.Step == round, Latency);
        _right.ExpectMsg<PeerMessage<float>>(m => m.Step == round, Latency);
    }
}
