using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Scheduling;

/// <summary>
/// The documented precision of the real-time scheduler (RealTimeScheduler's summary, docs/PERFORMANCE.md):
/// never early; lateness typically about 1 ms. The bounds asserted here are loose enough for a loaded 2-core CI
/// machine (median ≤ 10 ms, every item ≤ 200 ms) while still catching a scheduler that polls or drifts.
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class RealTimeSchedulerPrecisionTests
{
    private sealed record Due(TimeSpan At);

    private sealed class Recorder(IActorRef<object> log) : Actor<Due>
    {
        protected override void Receive(Due due) => log.Tell(Context.Scheduler.Now - due.At);
    }

    [Fact]
    public void ScheduledTells_AreNeverEarly_AndLatenessStaysWithinDocumentedBound()
    {
        using var system = ActorSystem.Create("precision");
        var probe = new TestProbe(system);
        var recorder = system.ActorOf(Props.Create(() => new Recorder(probe.Ref)));
        // Warm-up: in a fresh process the first delivery waits for the JIT (about a second here), which says nothing
        // about the scheduler's precision.
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(1), recorder.Untyped, new Due(system.Scheduler.Now + TimeSpan.FromMilliseconds(1)));
        probe.ReceiveN(1, TimeSpan.FromSeconds(10));
        const int count = 60;
        var start = system.Scheduler.Now;
        for (var i = 0; i < count; i++)
        {
            var delay = TimeSpan.FromMilliseconds(1 + (i * 7 % 40));
            system.Scheduler.ScheduleTellOnce(delay, recorder.Untyped, new Due(start + delay));
        }

        var lateness = probe.ReceiveN(count, TimeSpan.FromSeconds(10)).Cast<TimeSpan>().Order().ToList();

        Assert.All(lateness, l => Assert.True(l >= TimeSpan.Zero, $"delivered {l.TotalMilliseconds} ms early"));
        var median = lateness[count / 2];
        Assert.True(median <= TimeSpan.FromMilliseconds(10), $"median lateness {median.TotalMilliseconds} ms");
        Assert.True(lateness[^1] <= TimeSpan.FromMilliseconds(200), $"max lateness {lateness[^1].TotalMilliseconds} ms");
    }
}
