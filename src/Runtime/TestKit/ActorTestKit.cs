using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Runtime.TestKit;

/// <summary>
/// Base class for actor tests (Akka.TestKit's <c>TestKit</c>): a fresh actor system per test, on a virtual clock
/// unless told otherwise, a default probe <see cref="TestActor"/>, and shutdown on dispose (xunit disposes per test).
/// </summary>
public abstract class ActorTestKit : IDisposable
{
    private bool _disposed;

    protected ActorTestKit(ActorSystemSettings? settings = null, ILoggerFactory? loggerFactory = null, string? systemName = null)
    {
        Sys = ActorSystem.Create(systemName ?? "test", settings ?? ActorSystemSettings.VirtualTime, loggerFactory);
        TestActor = new TestProbe(Sys, "testActor");
    }

    public ActorSystem Sys { get; }

    /// <summary>The default probe; the implicit sender for <see cref="Send"/>.</summary>
    public TestProbe TestActor { get; }

    /// <summary>The virtual-time scheduler (throws on a real-clock system).</summary>
    public VirtualTimeScheduler Scheduler => Sys.VirtualClock
        ?? throw new InvalidOperationException("This test kit runs on the real clock; there is no virtual scheduler to drive");

    public TestProbe CreateTestProbe(string? name = null) => new(Sys, name);

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> from <see cref="TestActor"/>.</summary>
    public void Send(IActorRef target, object message) => TestActor.Send(target, message);

    public T ExpectMsg<T>(TimeSpan? max = null) => TestActor.ExpectMsg<T>(max);

    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? max = null) => TestActor.ExpectMsg<T>(predicate, max);

    public T ExpectMsg<T>(T expected, TimeSpan? max = null) => TestActor.ExpectMsg<T>(expected, max);

    public void ExpectNoMsg(TimeSpan? duration = null) => TestActor.ExpectNoMsg(duration);

    /// <summary>
    /// Retries <paramref name="assertion"/> until it passes or <paramref name="max"/> has passed. On a virtual clock
    /// each retry advances the clock by <paramref name="interval"/>; on the real clock it sleeps (integration tests only).
    /// </summary>
    public void AwaitAssert(Action assertion, TimeSpan? max = null, TimeSpan? interval = null) =>
        AwaitAssert(Sys, assertion, max, interval);

    /// <inheritdoc cref="AwaitAssert(Action, TimeSpan?, TimeSpan?)"/>
    public static void AwaitAssert(ActorSystem system, Action assertion, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(assertion);
        var step = interval ?? TimeSpan.FromMilliseconds(10);
        if (step <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The retry interval must be positive");
        var virtualScheduler = system.VirtualClock;
        var limit = max ?? TestProbe.DefaultRealTimeout;
        var clock = system.Scheduler;
        var deadline = clock.Now + limit;
        while (true)
        {
            virtualScheduler?.RunReady();
            try
            {
                assertion();
                return;
            }
            catch (Exception ex) when (clock.Now < deadline)
            {
                _ = ex;
            }
            catch (Exception ex)
            {
                throw new TestKitAssertionException($"AwaitAssert gave up after {TestProbe.Ms(limit)} at {TestProbe.Ms(clock.Now)}: {ex.Message}");
            }
            if (virtualScheduler is not null)
                virtualScheduler.Advance(step);
            else
                Thread.Sleep(step);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
            return;
        _disposed = true;
        if (disposing)
            Sys.Dispose();
    }
}
