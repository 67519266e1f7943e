using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Scheduling;

/// <summary>Behaviour both schedulers share; subclasses say how to let time pass.</summary>
public abstract class SchedulerContractTests : IDisposable
{
    protected SchedulerContractTests(ActorSystemSettings settings)
    {
        System = ActorSystem.Create("sched", settings);
        Probe = new TestProbe(System);
    }

    protected ActorSystem System { get; }

    protected TestProbe Probe { get; }

    protected IScheduler Scheduler => System.Scheduler;

    /// <summary>Waits for a message for up to <paramref name="max"/> of this clock's time.</summary>
    protected T Expect<T>(TimeSpan max) => Probe.ExpectMsg<T>(max);

    protected void ExpectNothingFor(TimeSpan duration) => Probe.ExpectNoMsg(duration);

    [Fact]
    public void ScheduleTellOnce_DeliversMessageWithSender()
    {
        Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(5), Probe.Ref.Untyped, "once", System.DeadLetters);

        Assert.Equal("once", Expect<string>(TimeSpan.FromSeconds(2)));
        Assert.Equal(System.DeadLetters, Probe.LastSender);
    }

    [Fact]
    public void ScheduleTellOnce_ZeroDelay_Delivers()
    {
        Scheduler.ScheduleTellOnce(TimeSpan.Zero, Probe.Ref.Untyped, "now");

        Assert.Equal("now", Expect<string>(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Cancel_BeforeDue_PreventsDelivery()
    {
        var item = Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(20), Probe.Ref.Untyped, "never");

        item.Cancel();

        Assert.True(item.IsCancellationRequested);
        ExpectNothingFor(TimeSpan.FromMilliseconds(60));
    }

    [Fact]
    public void ScheduleTellRepeatedly_DeliversUntilCancelled()
    {
        var item = Scheduler.ScheduleTellRepeatedly(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), Probe.Ref.Untyped, "tick");

        for (var i = 0; i < 3; i++)
            Expect<string>(TimeSpan.FromSeconds(2));
        item.Cancel();

        // On the real clock ticks that fired before Cancel may still be queued (several, when the test thread was
        // starved on a busy machine); none may follow them. Drain a bounded number, then the line must stay quiet for
        // 20 periods: an uncancelled timer would deliver about 20 more ticks.
        var late = 0;
        while (late < 10 && Probe.ReceiveOne(TimeSpan.FromMilliseconds(30)) is not null)
            late++;
        Assert.True(late < 10, "ticks kept coming after Cancel");
        Assert.Null(Probe.ReceiveOne(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void ScheduleOnce_RunsAction()
    {
        Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(2), () => Probe.Ref.Tell("ran"));

        Assert.Equal("ran", Expect<string>(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Schedule_NegativeDelay_ThrowsNamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(-1), Probe.Ref.Untyped, "x"));

        Assert.Equal("delay", ex.ParamName);
        Assert.Contains("-1 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleRepeatedly_NonPositiveInterval_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, Probe.Ref.Untyped, "x"));

    [Fact]
    public void Schedule_NullMessageOrReceiver_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Scheduler.ScheduleTellOnce(TimeSpan.Zero, Probe.Ref.Untyped, null!));
        Assert.Throws<ArgumentNullException>(() => Scheduler.ScheduleTellOnce(TimeSpan.Zero, null!, "x"));
    }

    [Fact]
    public void Now_IsMonotonic()
    {
        var a = Scheduler.Now;
        Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(3), Probe.Ref.Untyped, "t");
        Expect<string>(TimeSpan.FromSeconds(2));

        Assert.True(Scheduler.Now >= a + TimeSpan.FromMilliseconds(3));
    }

    public void Dispose()
    {
        System.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class VirtualSchedulerContractTests() : SchedulerContractTests(ActorSystemSettings.VirtualTime);

[Collection(RealTimeCollection.Name)]
public sealed class RealSchedulerContractTests() : SchedulerContractTests(ActorSystemSettings.Default);
