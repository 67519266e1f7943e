using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Scheduling;

public sealed class VirtualTimeSchedulerTests : ActorTestKit
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void ScheduledMessage_ArrivesExactlyAtDueTime_NeverBefore()
    {
        Scheduler.ScheduleTellOnce(5 * Ms, TestActor.Ref.Untyped, "due");

        Scheduler.Advance(5 * Ms - TimeSpan.FromTicks(1));
        Assert.Equal(0, TestActor.PendingCount);
        Scheduler.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(1, TestActor.PendingCount);
        var received = TestActor.ExpectMsg<string>();
        Assert.Equal(5 * Ms, Scheduler.Now);
        Assert.Equal("due", received);
    }

    [Fact]
    public void ItemsDueAtSameInstant_RunInSchedulingOrder()
    {
        for (var i = 0; i < 100; i++)
            Scheduler.ScheduleTellOnce(7 * Ms, TestActor.Ref.Untyped, i);

        Scheduler.Advance(7 * Ms);

        Assert.Equal(Enumerable.Range(0, 100), TestActor.ReceiveN(100).Cast<int>());
    }

    [Fact]
    public void ItemsScheduledOutOfOrder_RunInDueOrder()
    {
        foreach (var ms in new[] { 9, 3, 7, 1, 5 })
            Scheduler.ScheduleTellOnce(ms * Ms, TestActor.Ref.Untyped, ms);

        Scheduler.RunUntilIdle();

        Assert.Equal([1, 3, 5, 7, 9], TestActor.ReceiveN(5).Cast<int>());
    }

    [Fact]
    public void ProbeExpectWithMax_StopsClockAtArrival()
    {
        Scheduler.ScheduleTellOnce(3 * Ms, TestActor.Ref.Untyped, "a");
        Scheduler.ScheduleTellOnce(8 * Ms, TestActor.Ref.Untyped, "b");

        TestActor.ExpectMsg("a", 10 * Ms);

        Assert.Equal(3 * Ms, Scheduler.Now);
        TestActor.ExpectMsg("b", 10 * Ms);
        Assert.Equal(8 * Ms, Scheduler.Now);
    }

    private sealed class Chain(IActorRef<object> log) : Actor<int>
    {
        protected override void Receive(int hops)
        {
            log.Tell((hops, Context.Scheduler.Now));
            if (hops > 0)
                Context.Scheduler.ScheduleTellOnce(hops % 2 == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(2), Context.Self, hops - 1);
        }
    }

    [Fact]
    public void MessagesCausedByAnItem_RunBeforeLaterItems_AndZeroDelayStaysAtSameInstant()
    {
        var chain = Sys.ActorOf(Props.Create(() => new Chain(TestActor.Ref)));
        chain.Tell(4);

        var end = Scheduler.RunUntilIdle();

        var log = TestActor.ReceiveN(5).Cast<(int Hops, TimeSpan At)>().ToList();
        Assert.Equal([(4, 0 * Ms), (3, 0 * Ms), (2, 2 * Ms), (1, 2 * Ms), (0, 4 * Ms)], log);
        Assert.Equal(4 * Ms, end);
    }

    [Fact]
    public void RunUntilIdle_RepeatingItemsDoNotKeepItAlive()
    {
        Scheduler.ScheduleTellRepeatedly(Ms, 2 * Ms, TestActor.Ref.Untyped, "tick");
        Scheduler.ScheduleTellOnce(6 * Ms, TestActor.Ref.Untyped, "last");

        var end = Scheduler.RunUntilIdle();

        Assert.Equal(6 * Ms, end);
        Assert.Equal(["tick", "tick", "tick", "last"], TestActor.ReceiveN(4).Cast<string>());
        Assert.Equal(1, Scheduler.PendingCount);
    }

    private sealed class Runaway : Actor<string>
    {
        protected override void Receive(string message) => Context.Scheduler.ScheduleTellOnce(Ms, Context.Self, message);
    }

    [Fact]
    public void RunUntilIdle_RunawayFeedbackLoop_ThrowsInsteadOfHanging()
    {
        Sys.ActorOf(Props.Create(() => new Runaway())).Tell("again");

        var ex = Assert.Throws<InvalidOperationException>(() => Scheduler.RunUntilIdle(maxItems: 1000));

        Assert.Contains("1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_Backwards_Throws()
    {
        Scheduler.Advance(5 * Ms);

        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.AdvanceTo(4 * Ms));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.Advance(-Ms));
    }

    [Fact]
    public void PendingCountAndNextDue_TrackCancellation()
    {
        var first = Scheduler.ScheduleTellOnce(2 * Ms, TestActor.Ref.Untyped, 1);
        Scheduler.ScheduleTellOnce(4 * Ms, TestActor.Ref.Untyped, 2);
        Assert.Equal((2L, (TimeSpan?)(2 * Ms)), (Scheduler.PendingCount, Scheduler.NextDue));

        first.Cancel();
        first.Cancel();

        Assert.Equal((1L, (TimeSpan?)(4 * Ms)), (Scheduler.PendingCount, Scheduler.NextDue));
        Scheduler.RunUntilIdle();
        Assert.Equal((0L, (TimeSpan?)null), (Scheduler.PendingCount, Scheduler.NextDue));
        Assert.Equal(2, TestActor.ExpectMsg<int>());
    }

    [Fact]
    public void Cancel_AfterFiring_IsHarmless()
    {
        var item = Scheduler.ScheduleTellOnce(Ms, TestActor.Ref.Untyped, "x");
        Scheduler.Advance(Ms);

        item.Cancel();

        Assert.Equal(0, Scheduler.PendingCount);
        TestActor.ExpectMsg("x");
    }

    [Fact]
    public void TypedScheduleTellOnce_DeliversToTypedRef()
    {
        var chain = Sys.ActorOf(Props.Create(() => new Chain(TestActor.Ref)));

        Sys.Scheduler.ScheduleTellOnce(3 * Ms, chain, 0);

        Assert.Equal((0, 3 * Ms), TestActor.ExpectMsg<(int, TimeSpan)>(10 * Ms));
    }

    [Fact]
    public void RunUntil_ConditionBecomesTrue_StopsWithLaterItemsPending()
    {
        var fired = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            var n = i;
            Scheduler.ScheduleOnce(n * Ms, () => fired.Add(n));
        }

        Assert.True(Scheduler.RunUntil(() => fired.Count == 3));

        Assert.Equal([1, 2, 3], fired);
        Assert.Equal(3 * Ms, Scheduler.Now);
        Assert.Equal(2, Scheduler.PendingCount);
    }

    [Fact]
    public void RunUntil_IdleBeforeCondition_ReturnsFalse()
    {
        var fired = 0;
        Scheduler.ScheduleOnce(Ms, () => fired++);

        Assert.False(Scheduler.RunUntil(() => fired == 2));

        Assert.Equal(1, fired);
        Assert.Equal(0, Scheduler.PendingCount);
    }

    [Fact]
    public void RunUntil_ConditionTrueInsideACascadeOfTells_StopsBeforeTheNextTurnAndResumesInOrder()
    {
        // Two actors tell each other directly, never through the scheduler: one fired item would run all 100 hops.
        var hops = new List<int>();
        var ping = Sys.ActorOf(Props.Create(() => new HopActor(hops)), "ping");
        var pong = Sys.ActorOf(Props.Create(() => new HopActor(hops)), "pong");
        ping.Tell(new Hop(0, pong));

        Assert.True(Scheduler.RunUntil(() => hops.Count == 5));
        Assert.Equal(Enumerable.Range(0, 5), hops);

        Assert.True(Scheduler.RunUntil(() => hops.Count == 8));
        Assert.Equal(Enumerable.Range(0, 8), hops);
    }

    private sealed record Hop(int Number, IActorRef<Hop> Next);

    /// <summary>Records each hop and passes the next one on, up to hop 99.</summary>
    private sealed class HopActor(List<int> hops) : Actor<Hop>
    {
        protected override void Receive(Hop message)
        {
            hops.Add(message.Number);
            if (message.Number < 99)
                message.Next.Tell(new Hop(message.Number + 1, Self));
        }
    }
}
