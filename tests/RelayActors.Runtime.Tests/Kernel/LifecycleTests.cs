using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class LifecycleTests : ActorTestKit
{
    private sealed class Recorder(string name, IActorRef<object> log, int children = 0) : UntypedActor
    {
        protected override void PreStart()
        {
            log.Tell($"{name}:PreStart");
            for (var i = 0; i < children; i++)
            {
                var childName = $"{name}.{i}"; // the factory runs later, at creation: capture a copy, not the loop variable
                Context.ActorOf(Props.Create(() => new Recorder(childName, log, 0)), $"c{i}");
            }
        }

        protected override void PostStop() => log.Tell($"{name}:PostStop");

        protected override void Receive(object message)
        {
            switch (message)
            {
                case "children":
                    Sender.Tell(string.Join(",", Context.Children.Select(c => c.Path.Name)));
                    break;
                case "parent":
                    Sender.Tell(Context.Parent.Path.ToString());
                    break;
                case "stop-self":
                    Context.Stop(Context.SelfRef);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    [Fact]
    public void PreStart_RunsBeforeFirstMessage()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder("a", TestActor.Ref)), "a");
        Send(actor.Untyped, "children");

        ExpectMsg("a:PreStart");
        ExpectMsg("");
    }

    [Fact]
    public void Context_ExposesChildrenAndParent()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder("a", TestActor.Ref, children: 2)), "a");
        TestActor.ReceiveN(3);

        Send(actor.Untyped, "children");
        ExpectMsg("c0,c1");
        Send(actor.Untyped, "parent");
        ExpectMsg("relay://test/user");
    }

    [Fact]
    public void Stop_StopsChildrenBeforeParentPostStop()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder("a", TestActor.Ref, children: 2)), "a");
        TestActor.ReceiveN(3);

        Sys.Stop(actor.Untyped);
        var stops = TestActor.ReceiveN(3).Cast<string>().ToList();

        Assert.Equal("a:PostStop", stops[^1]);
        Assert.Equal(["a.0:PostStop", "a.1:PostStop"], stops.Take(2).Order());
    }

    [Fact]
    public void StopSelf_FromHandler_RunsPostStopAndFreesName()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder("a", TestActor.Ref)), "a");
        ExpectMsg("a:PreStart");

        Send(actor.Untyped, "stop-self");
        ExpectMsg("a:PostStop");

        var again = Sys.ActorOf(Props.Create(() => new Recorder("a2", TestActor.Ref)), "a");
        ExpectMsg("a2:PreStart");
        Assert.NotEqual(actor.Untyped, again.Untyped);
        Assert.Equal(actor.Path, again.Path);
    }

    [Fact]
    public void PoisonPill_IsProcessedAfterEarlierMessages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder("a", TestActor.Ref)), "a");
        ExpectMsg("a:PreStart");

        Send(actor.Untyped, "children");
        Send(actor.Untyped, PoisonPill.Instance);
        Send(actor.Untyped, "children");

        ExpectMsg("");
        ExpectMsg("a:PostStop");
        ExpectNoMsg();
    }

    private sealed class Switcher : Actor<string>
    {
        protected override void Receive(string message)
        {
            switch (message)
            {
                case "angry":
                    Context.Become(Angry, discardOld: false);
                    break;
                default:
                    Sender.Tell("calm:" + message);
                    break;
            }
        }

        private void Angry(string message)
        {
            if (message == "calm-down")
                Context.Unbecome();
            else
                Sender.Tell("angry:" + message);
        }
    }

    [Fact]
    public void Become_SwitchesBehaviourAndUnbecomeRestoresIt()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switcher()));

        Send(actor.Untyped, "hi");
        ExpectMsg("calm:hi");
        Send(actor.Untyped, "angry");
        Send(actor.Untyped, "hi");
        ExpectMsg("angry:hi");
        Send(actor.Untyped, "calm-down");
        Send(actor.Untyped, "hi");
        ExpectMsg("calm:hi");
    }

    private sealed record Add(int Amount);

    private sealed record Get;

    private sealed class Accumulator : ReceiveActor
    {
        private int _total;

        public Accumulator()
        {
            Receive<Add>(a => a.Amount > 0, a => _total += a.Amount);
            Receive<Get>(_ => Sender.Tell(_total));
            Receive<string>(s => s == "freeze", _ => Become(() => Receive<Get>(_ => Sender.Tell(-_total))));
        }
    }

    [Fact]
    public void ReceiveActor_DispatchesByTypeAndPredicate_AndBecomeReplacesHandlers()
    {
        var acc = Sys.ActorOf(Props.Create(() => new Accumulator()));
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref.Untyped, typeof(UnhandledMessage));

        Send(acc.Untyped, new Add(3));
        Send(acc.Untyped, new Add(-10));
        Send(acc.Untyped, new Get());
        ExpectMsg(3);
        Assert.Equal(new Add(-10), unhandled.ExpectMsg<UnhandledMessage>().Message);

        Send(acc.Untyped, "freeze");
        Send(acc.Untyped, new Add(5));
        Send(acc.Untyped, new Get());
        ExpectMsg(-3);
    }
}
