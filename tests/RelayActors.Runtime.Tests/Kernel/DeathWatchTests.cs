using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class DeathWatchTests : ActorTestKit
{
    private sealed class Idle : UntypedActor
    {
        protected override void Receive(object message)
        {
            if (message is "stop")
                Context.Stop(Context.SelfRef);
        }
    }

    private sealed record WatchIt(IActorRef Subject, object? Custom = null);

    private sealed record UnwatchIt(IActorRef Subject);

    private sealed record SubjectGone(string Name);

    /// <summary>Watches on command and reports every Terminated (or custom message) to the log probe.</summary>
    private sealed class Watcher(IActorRef<object> log) : UntypedActor
    {
        protected override void Receive(object message)
        {
            switch (message)
            {
                case WatchIt { Custom: null } w:
                    Context.Watch(w.Subject);
                    break;
                case WatchIt w:
                    Context.WatchWith(w.Subject, w.Custom);
                    break;
                case UnwatchIt u:
                    Context.Unwatch(u.Subject);
                    break;
                default:
                    log.Tell(message);
                    break;
            }
        }
    }

    private (IActorRef Subject, IActorRef Watcher) Spawn()
    {
        var subject = Sys.ActorOf(Props.Create(() => new Idle()), "subject").Untyped;
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor.Ref)), "watcher").Untyped;
        return (subject, watcher);
    }

    [Fact]
    public void Watch_DeliversTerminatedExactlyOnce_EvenWhenWatchedTwice()
    {
        var (subject, watcher) = Spawn();
        watcher.Tell(new WatchIt(subject));
        watcher.Tell(new WatchIt(subject));
        Scheduler.RunReady();

        subject.Tell("stop");

        Assert.Equal(subject, ExpectMsg<Terminated>().ActorRef);
        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Watch_AlreadyDeadActor_DeliversTerminatedAtOnce()
    {
        var (subject, watcher) = Spawn();
        Sys.Stop(subject);
        Scheduler.RunReady();

        watcher.Tell(new WatchIt(subject));

        Assert.Equal(subject, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Unwatch_BeforeDeath_PreventsTerminated()
    {
        var (subject, watcher) = Spawn();
        watcher.Tell(new WatchIt(subject));
        watcher.Tell(new UnwatchIt(subject));
        Scheduler.RunReady();

        Sys.Stop(subject);

        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Unwatch_AfterNotificationQueued_StillPreventsTerminated()
    {
        var (subject, watcher) = Spawn();
        watcher.Tell(new WatchIt(subject));
        Scheduler.RunReady();

        // Queue the unwatch behind the stop: the notification reaches the watcher's system queue first,
        // but Terminated must not be delivered once the actor said Unwatch.
        Sys.Stop(subject);
        watcher.Tell(new UnwatchIt(subject));

        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void WatchWith_DeliversCustomMessageInsteadOfTerminated()
    {
        var (subject, watcher) = Spawn();
        watcher.Tell(new WatchIt(subject, new SubjectGone("subject")));
        Scheduler.RunReady();

        Sys.Stop(subject);

        ExpectMsg(new SubjectGone("subject"));
    }

    [Fact]
    public void Terminated_Unhandled_CausesDeathPact()
    {
        var subject = Sys.ActorOf(Props.Create(() => new Idle()), "s").Untyped;
        var pact = Sys.ActorOf(Props.Create(() => new PactWatcher(subject)), "pact").Untyped;
        TestActor.Watch(pact);

        subject.Tell("stop");

        // DeathPactException is stopped by the default strategy.
        TestActor.ExpectTerminated(pact);
    }

    private sealed class PactWatcher(IActorRef subject) : Actor<string>
    {
        protected override void PreStart() => Context.Watch(subject);

        protected override void Receive(string message)
        {
        }
    }

    [Fact]
    public void TestProbe_CanWatchAndExpectTerminated()
    {
        var subject = Sys.ActorOf(Props.Create(() => new Idle()), "s").Untyped;
        TestActor.Watch(subject);

        Sys.Stop(subject);

        TestActor.ExpectTerminated(subject);
    }
}
