using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Tests.Support;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class DeadLetterTests : ActorTestKit
{
    private sealed class Idle : UntypedActor
    {
        protected override void Receive(object message)
        {
        }
    }

    [Fact]
    public void TellToStoppedActor_BecomesDeadLetterWithRecipientAndReason()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(letters.Ref);
        var idle = Sys.ActorOf(Props.Create(() => new Idle()), "idle").Untyped;
        Sys.Stop(idle);
        Scheduler.RunReady();

        Send(idle, "hello");

        var letter = letters.ExpectMsg<DeadLetter>();
        Assert.Equal(("hello", idle, "recipient stopped"), (letter.Message, letter.Recipient, letter.Reason));
        Assert.Equal(TestActor.Ref.Untyped, letter.Sender);
        Assert.Equal(1, Sys.DeadLetterCount);
    }

    [Fact]
    public void MessagesQueuedAtStop_AreAllCountedAsDeadLetters()
    {
        var idle = Sys.ActorOf(Props.Create(() => new Idle()), "idle").Untyped;
        Scheduler.RunReady();
        Sys.Stop(idle);
        for (var i = 0; i < 5; i++)
            idle.Tell(i);

        Scheduler.RunReady();

        Assert.Equal(5, Sys.DeadLetterCount);
    }

    [Fact]
    public void DeadLetters_AreLoggedRateLimited_AndAllCounted()
    {
        var logs = new CapturingLoggerProvider();
        using var system = ActorSystem.Create("dl", ActorSystemSettings.VirtualTime with { DeadLetterLogLimit = 3 }, logs);
        var virtualClock = (RelayActors.Runtime.Scheduling.VirtualTimeScheduler)system.Scheduler;

        for (var i = 0; i < 10; i++)
            system.DeadLetters.Tell(i);
        virtualClock.Advance(TimeSpan.FromSeconds(11));
        system.DeadLetters.Tell("after-window");

        var lines = logs.Entries.Where(e => e.Level == LogLevel.Information).Select(e => e.Message).ToList();
        Assert.Equal(11, system.DeadLetterCount);
        Assert.Equal(5, lines.Count);
        Assert.Contains("7 dead letters were not logged", lines[3], StringComparison.Ordinal);
        Assert.Contains("after-window", lines[4], StringComparison.Ordinal);
    }
}
