using RelayActors.Actors.Network;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Actors.Tests.Network;

public sealed class DelayedLinkTests : ActorTestKit
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void Send_DeliversOnlyAfterLinkLatency()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<IConsensusMessage>(Scheduler, probe.Ref, LinkModel.Constant(Latency));

        link.Send(new RoundMessage(1, 0, 1, new float[] { 2f }));
        probe.ExpectNoMsg(Latency - TimeSpan.FromTicks(1));
        var message = probe.ExpectMsg<RoundMessage>(TimeSpan.FromTicks(1));

        Assert.Equal(Latency, Scheduler.Now);
        Assert.Equal((1, 0, 1), (message.From, message.Round, message.Count));
        Assert.Equal([2f], message.Payload.ToArray());
    }

    [Fact]
    public void Send_SeveralMessages_ArriveInSendOrderAndAreCounted()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<IConsensusMessage>(Scheduler, probe.Ref, LinkModel.Constant(Latency));

        link.Send(new RoundMessage(1, 0, 1, new float[1]));
        link.Send(new RoundMessage(1, 1, 2, new float[1]));

        Assert.Equal(0, probe.ExpectMsg<RoundMessage>(Latency).Round);
        Assert.Equal(1, probe.ExpectMsg<RoundMessage>().Round);
        Assert.Equal(2, link.MessagesSent);
    }

    [Fact]
    public void Send_InstantLink_DeliversWithoutAdvancingClock()
    {
        var probe = CreateTestProbe();
        var link = new DelayedLink<IConsensusMessage>(Scheduler, probe.Ref, LinkModel.Instant);

        link.Send(new RoundMessage(3, 0, 1, new float[1]));
        Scheduler.RunUntilIdle();

        Assert.Equal(3, probe.ExpectMsg<RoundMessage>().From);
        Assert.Equal(TimeSpan.Zero, Scheduler.Now);
    }

    [Fact]
    public void LinkModel_NegativeLatency_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Constant(TimeSpan.FromMilliseconds(-1)));
    }
}
