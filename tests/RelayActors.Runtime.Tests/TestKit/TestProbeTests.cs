using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.TestKit;

public sealed class TestProbeTests : ActorTestKit
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private sealed record Ping(int N);

    private sealed record Pong(int N);

    [Fact]
    public void ExpectMsg_WrongType_FailsNamingExpectedActualSenderAndVirtualTime()
    {
        Scheduler.Advance(5 * Ms);
        TestActor.Ref.Tell(new Ping(3), Sys.DeadLetters);

        var ex = Assert.Throws<TestKitAssertionException>(() => TestActor.ExpectMsg<Pong>());

        Assert.Contains("ExpectMsg<Pong>", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Ping { N = 3 }", ex.Message, StringComparison.Ordinal);
        Assert.Contains("relay://test/deadLetters", ex.Message, StringComparison.Ordinal);
        Assert.Contains("virtual time 5 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_Nothing_FailsNamingWaitAndVirtualTime()
    {
        Scheduler.ScheduleTellOnce(20 * Ms, TestActor.Ref.Untyped, new Pong(1));

        var ex = Assert.Throws<TestKitAssertionException>(() => TestActor.ExpectMsg<Pong>(10 * Ms));

        Assert.Contains("no message within 10 ms", ex.Message, StringComparison.Ordinal);
        Assert.Contains("virtual time 10 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_PredicateFails_FailsWithHint()
    {
        TestActor.Ref.Tell(new Pong(1));

        var ex = Assert.Throws<TestKitAssertionException>(() => TestActor.ExpectMsg<Pong>(p => p.N == 2, hint: "N = 2"));

        Assert.Contains("(N = 2)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Pong { N = 1 }", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_WhenMessageArrives_FailsNamingIt()
    {
        Scheduler.ScheduleTellOnce(3 * Ms, TestActor.Ref.Untyped, new Ping(9));

        var ex = Assert.Throws<TestKitAssertionException>(() => TestActor.ExpectNoMsg(5 * Ms));

        Assert.Contains("Ping { N = 9 }", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at 3 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_AdvancesVirtualClockByDuration()
    {
        TestActor.ExpectNoMsg(7 * Ms);

        Assert.Equal(7 * Ms, Scheduler.Now);
    }

    [Fact]
    public void ReceiveN_TooFew_FailsListingWhatArrived()
    {
        TestActor.Ref.Tell(new Ping(1));

        var ex = Assert.Throws<TestKitAssertionException>(() => TestActor.ReceiveN(2));

        Assert.Contains("got only 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Ping { N = 1 }", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FishForMessage_SkipsUntilMatch()
    {
        for (var i = 0; i < 5; i++)
            Scheduler.ScheduleTellOnce(i * Ms, TestActor.Ref.Untyped, new Ping(i));

        var found = TestActor.FishForMessage<Ping>(p => p.N == 3, 10 * Ms);

        Assert.Equal(new Ping(3), found);
        Assert.Equal(3 * Ms, Scheduler.Now);
        TestActor.ExpectMsg(new Ping(4), Ms);
    }

    [Fact]
    public void FishForMessage_NoMatch_FailsListingSkipped()
    {
        TestActor.Ref.Tell(new Ping(1));

        var ex = Assert.Throws<TestKitAssertionException>(() => TestActor.FishForMessage<Pong>(_ => true));

        Assert.Contains("skipped [Ping { N = 1 }]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_InnerExpectationsWaitUntilWindowEnd()
    {
        Scheduler.ScheduleTellOnce(4 * Ms, TestActor.Ref.Untyped, new Pong(1));

        var pong = TestActor.Within(2 * Ms, 6 * Ms, () => TestActor.ExpectMsg<Pong>());

        Assert.Equal(new Pong(1), pong);
        Assert.Equal(4 * Ms, Scheduler.Now);
    }

    [Fact]
    public void Within_BlockTooFast_FailsNamingBounds()
    {
        TestActor.Ref.Tell(new Pong(1));

        var ex = Assert.Throws<TestKitAssertionException>(() => TestActor.Within(2 * Ms, 6 * Ms, () => TestActor.ExpectMsg<Pong>()));

        Assert.Contains("Within(2 ms, 6 ms) failed: the block took 0 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_AnswersLastSender()
    {
        var other = CreateTestProbe("other");
        other.Send(TestActor.Ref.Untyped, new Ping(1));
        TestActor.ExpectMsg<Ping>();

        TestActor.Reply(new Pong(1));

        other.ExpectMsg(new Pong(1));
    }

    [Fact]
    public void AwaitAssert_OnVirtualClock_AdvancesUntilAssertionHolds()
    {
        var ticks = 0;
        Scheduler.ScheduleTellRepeatedly(10 * Ms, 10 * Ms, TestActor.Ref.Untyped, "tick");

        AwaitAssert(() =>
        {
            while (TestActor.ReceiveOne() is not null)
                ticks++;
            Assert.True(ticks >= 3);
        }, max: 100 * Ms, interval: 5 * Ms);

        Assert.Equal(30 * Ms, Scheduler.Now);
    }

    [Fact]
    public void AwaitAssert_NeverHolds_FailsAfterMaxWithLastError()
    {
        var ex = Assert.Throws<TestKitAssertionException>(() => AwaitAssert(() => Assert.Fail("still broken"), max: 20 * Ms));

        Assert.Contains("still broken", ex.Message, StringComparison.Ordinal);
        Assert.Equal(20 * Ms, Scheduler.Now);
    }
}
