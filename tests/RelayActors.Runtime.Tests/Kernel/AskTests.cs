using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class AskTests : ActorTestKit
{
    private sealed record Query(int X, IActorRef<Answer> ReplyTo);

    private sealed record Answer(int Y);

    private sealed class Doubler : Actor<Query>
    {
        protected override void Receive(Query q) => q.ReplyTo.Tell(new Answer(q.X * 2));
    }

    private sealed class Responder : UntypedActor
    {
        protected override void Receive(object message)
        {
            switch (message)
            {
                case "fail":
                    Sender.Tell(new StatusFailure(new InvalidOperationException("refused")));
                    break;
                case "ignore":
                    break;
                default:
                    Sender.Tell(message + "!");
                    break;
            }
        }
    }

    [Fact]
    public async Task Ask_Typed_CarriesReplyToAndReturnsAnswer()
    {
        var doubler = Sys.ActorOf(Props.Create(() => new Doubler()));

        var answer = await doubler.Ask<Query, Answer>(replyTo => new Query(21, replyTo), TimeSpan.FromSeconds(1));

        Assert.Equal(new Answer(42), answer);
    }

    [Fact]
    public async Task Ask_Untyped_ReturnsReply()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder())).Untyped;

        Assert.Equal("hi!", await responder.Ask<string>("hi", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Ask_StatusFailureReply_FailsTask()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder())).Untyped;

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => responder.Ask<string>("fail", TimeSpan.FromSeconds(1)));

        Assert.Equal("refused", ex.Message);
    }

    [Fact]
    public async Task Ask_NoReply_TimesOutOnVirtualClockNamingTargetAndMessage()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder()), "quiet").Untyped;
        var task = responder.Ask<string>("ignore", TimeSpan.FromMilliseconds(500));

        Scheduler.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(task.IsCompleted);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => task);
        Assert.Contains("relay://test/user/quiet", ex.Message, StringComparison.Ordinal);
        Assert.Contains("String", ex.Message, StringComparison.Ordinal);
        Assert.Contains("500 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_NonPositiveTimeout_Throws()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder())).Untyped;

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => responder.Ask<string>("x", TimeSpan.Zero)).GetAwaiter().GetResult();
    }
}
