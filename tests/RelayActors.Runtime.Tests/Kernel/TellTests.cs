using System.Runtime.CompilerServices;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class TellTests : ActorTestKit
{
    private sealed record Ping(int N);

    private sealed class Echo : UntypedActor
    {
        protected override void Receive(object message) => Sender.Tell(message);
    }

    private sealed class Forwarder(IActorRef<object> target) : UntypedActor
    {
        protected override void Receive(object message) => target.Tell(message);
    }

    [Fact]
    public void Tell_FromTest_ReachesActorAndReplyReachesSender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");

        Send(echo.Untyped, new Ping(1));

        Assert.Equal(new Ping(1), ExpectMsg(new Ping(1)));
        Assert.Equal(echo.Untyped, TestActor.LastSender);
    }

    [Fact]
    public void Tell_InsideActor_UsesSelfAsImplicitSender()
    {
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor.Ref)), "fwd");

        forwarder.Tell(new Ping(2));

        ExpectMsg(new Ping(2));
        Assert.Equal(forwarder.Untyped, TestActor.LastSender);
    }

    private sealed class Counter(StrongBox<int> count) : UntypedActor
    {
        protected override void Receive(object message) => count.Value++;
    }

    [Fact]
    public void Tell_OnVirtualClock_NothingRunsUntilDriven()
    {
        var count = new StrongBox<int>();
        var counter = Sys.ActorOf(Props.Create(() => new Counter(count)));
        counter.Tell(new Ping(3));

        Assert.Equal(0, count.Value);
        Scheduler.RunReady();
        Assert.Equal(1, count.Value);
    }

    [Fact]
    public void Tell_NullMessage_ThrowsNamingTheRecipient()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");

        var ex = Assert.Throws<ArgumentNullException>(() => echo.Untyped.Tell(null!));

        Assert.Contains("relay://test/user/echo", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tell_ManyMessagesFromOneSender_ArriveInOrder()
    {
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor.Ref)));
        for (var i = 0; i < 1000; i++)
            forwarder.Tell(new Ping(i));

        var received = TestActor.ReceiveN(1000);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => new Ping(i)), received.Cast<Ping>());
    }

    [Fact]
    public void ActorOf_DuplicateName_ThrowsNamingIt()
    {
        Sys.ActorOf(Props.Create(() => new Echo()), "twin");

        var ex = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Echo()), "twin"));

        Assert.Contains("'twin'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not unique under relay://test/user:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("has space")]
    [InlineData("$reserved")]
    public void ActorOf_InvalidName_Throws(string name) =>
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Echo()), name));

    [Fact]
    public void ActorOf_WithoutName_GeneratesDistinctNames()
    {
        var a = Sys.ActorOf(Props.Create(() => new Echo()));
        var b = Sys.ActorOf(Props.Create(() => new Echo()));

        Assert.NotEqual(a.Path, b.Path);
        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void NewActor_OutsideProps_ThrowsWithAdvice()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Echo());

        Assert.Contains("Props.Create", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorOf_AfterTermination_ThrowsActorSystemTerminated()
    {
        Sys.Terminate();

        Assert.Throws<ActorSystemTerminatedException>(() => Sys.ActorOf(Props.Create(() => new Echo()), "late"));
    }
}
