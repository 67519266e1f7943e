using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Supervision;
using RelayActors.Runtime.Tests.Support;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Supervision;

public sealed class SupervisionTests : ActorTestKit
{
    private sealed record Fail(string Kind);

    /// <summary>Counts messages; throws on demand; reports lifecycle to a probe.</summary>
    private sealed class Worker(IActorRef<object> log) : UntypedActor
    {
        private int _count;

        protected override void PreStart() => log.Tell("started");

        protected override void PostStop() => log.Tell("stopped");

        protected override void PreRestart(Exception reason, object? message)
        {
            log.Tell($"pre-restart:{reason.Message}:{message}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            log.Tell($"post-restart:{reason.Message}");
            base.PostRestart(reason);
        }

        protected override void Receive(object message)
        {
            switch (message)
            {
                case Fail f when f.Kind == "arg":
                    throw new ArgumentException("bad-arg");
                case Fail f when f.Kind == "io":
                    throw new InvalidOperationException("bad-op");
                case Fail f when f.Kind == "escalate":
                    throw new NotSupportedException("escalate-me");
                case Fail:
                    throw new FormatException("bad-format");
                case "count":
                    Sender.Tell(++_count);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    /// <summary>A parent with a chosen strategy that creates one Worker child and forwards to it.</summary>
    private sealed class Parent(SupervisorStrategy strategy, IActorRef<object> log) : UntypedActor
    {
        private IActorRef _child = null!;

        protected override void PreStart() => _child = Context.ActorOf(Props.Create(() => new Worker(log)), "child").Untyped;

        protected override SupervisorStrategy SupervisorStrategy() => strategy;

        protected override void Receive(object message) => _child.Tell(message, Sender);
    }

    private static Directive Decide(Exception ex) => ex switch
    {
        ArgumentException => Directive.Resume,
        InvalidOperationException => Directive.Restart,
        FormatException => Directive.Stop,
        _ => Directive.Escalate,
    };

    private IActorRef SpawnParent(SupervisorStrategy strategy, string name = "parent")
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(strategy, TestActor.Ref)), name).Untyped;
        ExpectMsg("started");
        return parent;
    }

    [Fact]
    public void Resume_KeepsStateAndDropsFailingMessage()
    {
        var parent = SpawnParent(new OneForOneStrategy(Decide));
        Send(parent, "count");
        ExpectMsg(1);

        Send(parent, new Fail("arg"));
        Send(parent, "count");

        ExpectMsg(2);
        ExpectNoMsg();
    }

    [Fact]
    public void Restart_ReplacesInstanceAndCallsRestartHooks()
    {
        var parent = SpawnParent(new OneForOneStrategy(Decide));
        Send(parent, "count");
        ExpectMsg(1);

        Send(parent, new Fail("io"));
        Send(parent, "count");

        ExpectMsg("pre-restart:bad-op:Fail { Kind = io }");
        ExpectMsg("stopped");
        ExpectMsg("post-restart:bad-op");
        ExpectMsg("started");
        ExpectMsg(1);
    }

    [Fact]
    public void Stop_StopsChildAndLaterMessagesGoNowhere()
    {
        var parent = SpawnParent(new OneForOneStrategy(Decide));

        Send(parent, new Fail("format"));

        ExpectMsg("stopped");
        Send(parent, "count");
        ExpectNoMsg();
    }

    [Fact]
    public void Escalate_FailsParentAndGrandparentDecides()
    {
        // The guardian's default strategy restarts the parent, which (by default PreRestart) stops the child.
        var parent = SpawnParent(new OneForOneStrategy(Decide));
        var watcher = CreateTestProbe();
        watcher.Watch(parent);

        Send(parent, new Fail("escalate"));

        ExpectMsg("stopped");      // the child, stopped by the parent's restart
        ExpectMsg("started");      // the parent's fresh instance recreates the child
        watcher.ExpectNoMsg();     // the parent was restarted, not stopped
        Send(parent, "count");
        ExpectMsg(1);
    }

    [Fact]
    public void RetryBudget_StopsChildAfterMaxRestartsWithinWindow()
    {
        var parent = SpawnParent(new OneForOneStrategy(2, TimeSpan.FromSeconds(1), _ => Directive.Restart));

        for (var i = 0; i < 2; i++)
        {
            Send(parent, new Fail("io"));
            TestActor.FishForMessage<string>(s => s == "started");
        }
        Send(parent, new Fail("io"));

        ExpectMsg("stopped");
        ExpectNoMsg();
    }

    [Fact]
    public void RetryBudget_WindowResetsOnVirtualClock()
    {
        var parent = SpawnParent(new OneForOneStrategy(1, TimeSpan.FromSeconds(1), _ => Directive.Restart));

        Send(parent, new Fail("io"));
        TestActor.FishForMessage<string>(s => s == "started");
        Scheduler.Advance(TimeSpan.FromMilliseconds(1001));
        Send(parent, new Fail("io"));

        TestActor.FishForMessage<string>(s => s == "started");
        Send(parent, "count");
        ExpectMsg(1);
    }

    [Fact]
    public void MaxRetriesZero_StopsAtFirstFailure()
    {
        var parent = SpawnParent(new OneForOneStrategy(0, Timeout.InfiniteTimeSpan, _ => Directive.Restart));

        Send(parent, new Fail("io"));

        ExpectMsg("stopped");
    }

    [Fact]
    public void Failure_IsLoggedWithPathMessageTypeDirectiveAndException()
    {
        var logs = new CapturingLoggerProvider();
        using var system = ActorSystem.Create("logged", ActorSystemSettings.VirtualTime, logs);
        var probe = new TestProbe(system);
        var parent = system.ActorOf(Props.Create(() => new Parent(new OneForOneStrategy(Decide), probe.Ref)), "p").Untyped;

        parent.Tell(new Fail("io"));
        probe.FishForMessage<string>(s => s.StartsWith("post-restart", StringComparison.Ordinal));

        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("relay://logged/user/p/child", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Fail", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Restart", entry.Message, StringComparison.Ordinal);
        Assert.Equal("bad-op", entry.Exception?.Message);
    }

    [Fact]
    public void Failure_IsPublishedAndCounted_EvenWithoutALogger()
    {
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe<ActorFailure>(failures.Ref);
        var parent = SpawnParent(new OneForOneStrategy(Decide));

        Send(parent, new Fail("io"));

        var failure = failures.ExpectMsg<ActorFailure>();
        Assert.Equal(("relay://test/user/parent/child", "bad-op", "Fail", Directive.Restart),
            (failure.Actor.Path.ToString(), failure.Cause.Message, failure.MessageType, failure.Directive));
        Assert.Equal(1, Sys.FailureCount);
    }

    private sealed class BrokenConstructor : UntypedActor
    {
        public BrokenConstructor() => throw new InvalidOperationException("no resources");

        protected override void Receive(object message)
        {
        }
    }

    [Fact]
    public void ConstructorFailure_StopsActorByDefault()
    {
        var broken = Sys.ActorOf(Props.Create(() => new BrokenConstructor()), "broken");
        var watcher = CreateTestProbe();

        watcher.Watch(broken.Untyped);

        watcher.ExpectTerminated(broken.Untyped);
    }

    [Fact]
    public void Kill_FailsActorWithActorKilledException_AndDefaultStrategyStopsIt()
    {
        var worker = Sys.ActorOf(Props.Create(() => new Worker(TestActor.Ref)), "w").Untyped;
        ExpectMsg("started");

        worker.Tell(Kill.Instance);

        ExpectMsg("stopped");
    }

    [Fact]
    public void FailingActor_DoesNotAffectSiblings()
    {
        var a = Sys.ActorOf(Props.Create(() => new Worker(TestActor.Ref)), "a").Untyped;
        var b = Sys.ActorOf(Props.Create(() => new Worker(TestActor.Ref)), "b").Untyped;
        TestActor.ReceiveN(2);

        Send(a, new Fail("format"));
        Send(b, "count");

        TestActor.FishForMessage<int>(n => n == 1);
    }
}
