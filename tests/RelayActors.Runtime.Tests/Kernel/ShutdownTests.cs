using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class ShutdownTests
{
    private sealed class Tree(int depth, List<string> stopOrder) : UntypedActor
    {
        protected override void PreStart()
        {
            if (depth > 0)
                for (var i = 0; i < 2; i++)
                    Context.ActorOf(Props.Create(() => new Tree(depth - 1, stopOrder)), $"n{i}");
        }

        protected override void PostStop()
        {
            lock (stopOrder)
                stopOrder.Add(Context.SelfRef.Path.ToString());
        }

        protected override void Receive(object message) => Context.Scheduler.ScheduleTellOnce(TimeSpan.FromHours(1), Context.SelfRef, message);
    }

    [Fact]
    public void Terminate_Virtual_StopsEveryActorChildrenFirstAndCancelsTimers()
    {
        var stopOrder = new List<string>();
        var system = ActorSystem.Create("shut", ActorSystemSettings.VirtualTime);
        var root = system.ActorOf(Props.Create(() => new Tree(3, stopOrder)), "tree");
        var scheduler = (VirtualTimeScheduler)system.Scheduler;
        root.Untyped.Tell("tick");
        system.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), root.Untyped, "tock");
        scheduler.RunReady();
        Assert.Equal(2, scheduler.PendingCount);

        var done = system.Terminate();

        Assert.True(done.IsCompletedSuccessfully);
        Assert.Equal(0, system.LiveActorCount);
        Assert.Equal(0, scheduler.PendingCount);
        Assert.Equal(15, stopOrder.Count);
        // Every actor stopped after all of its descendants.
        for (var i = 0; i < stopOrder.Count; i++)
            for (var j = i + 1; j < stopOrder.Count; j++)
                Assert.False(stopOrder[j].StartsWith(stopOrder[i] + "/", StringComparison.Ordinal), $"{stopOrder[i]} stopped before its descendant {stopOrder[j]}");
    }

    [Fact]
    public async Task Terminate_Real_LeavesNoLiveActorAndStopsTimerThread()
    {
        var stopOrder = new List<string>();
        var system = ActorSystem.Create("shut-real");
        var root = system.ActorOf(Props.Create(() => new Tree(2, stopOrder)), "tree");
        root.Untyped.Tell("tick");
        var scheduler = (RealTimeScheduler)system.Scheduler;
        ActorTestKit.AwaitAssert(system, () => Assert.Equal(1, scheduler.PendingCount), TimeSpan.FromSeconds(5));

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, system.LiveActorCount);
        Assert.Equal(0, scheduler.PendingCount);
        Assert.True(scheduler.IsStopped);
        Assert.Equal(7, stopOrder.Count);
        Assert.Equal("relay://shut-real/user/tree", stopOrder[^1]);
    }

    [Fact]
    public void Terminate_ProbesUnderSystemOutliveUserActors_AndSeeTheirTermination()
    {
        var system = ActorSystem.Create("order", ActorSystemSettings.VirtualTime);
        var probe = new TestProbe(system);
        var actor = system.ActorOf(Props.Create(() => new Tree(0, [])), "leaf");
        probe.Watch(actor.Untyped);

        system.Terminate();

        probe.ExpectTerminated(actor.Untyped);
    }

    [Fact]
    public void Terminate_IsIdempotent()
    {
        var system = ActorSystem.Create("twice", ActorSystemSettings.VirtualTime);

        var first = system.Terminate();
        var second = system.Terminate();

        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
    }

    [Fact]
    public void TellAfterTermination_BecomesDeadLetter_NotAnException()
    {
        var system = ActorSystem.Create("late", ActorSystemSettings.VirtualTime);
        var actor = system.ActorOf(Props.Create(() => new Tree(0, [])), "leaf");
        system.Terminate();

        actor.Untyped.Tell("anyone?");

        Assert.Equal(1, system.DeadLetterCount);
    }

    [Fact]
    public void ScheduleAfterRealTermination_ThrowsActorSystemTerminated()
    {
        var system = ActorSystem.Create("late-timer");
        system.Dispose();

        Assert.Throws<ActorSystemTerminatedException>(() => system.Scheduler.ScheduleOnce(TimeSpan.Zero, () => { }));
    }
}
