using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class MailboxTests : ActorTestKit
{
    private sealed class Collector(IActorRef<object> log) : Actor<int>
    {
        protected override void Receive(int message) => log.Tell(message);
    }

    private (IActorRef<int> Actor, TestProbe Letters) SpawnBounded(OverflowPolicy policy)
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(letters.Ref);
        var actor = Sys.ActorOf(Props.Create(() => new Collector(TestActor.Ref)).WithMailbox(MailboxSettings.Bounded(3, policy)));
        Scheduler.RunReady();
        return (actor, letters);
    }

    [Theory]
    [InlineData(OverflowPolicy.DropIncoming, new[] { 1, 2, 3 }, new[] { 4, 5 })]
    [InlineData(OverflowPolicy.DropNewest, new[] { 1, 2, 5 }, new[] { 3, 4 })]
    [InlineData(OverflowPolicy.DropOldest, new[] { 3, 4, 5 }, new[] { 1, 2 })]
    public void BoundedMailbox_Overflow_KeepsAndDropsPerPolicy(OverflowPolicy policy, int[] kept, int[] dropped)
    {
        var (actor, letters) = SpawnBounded(policy);

        for (var i = 1; i <= 5; i++)
            actor.Tell(i);

        Assert.Equal(kept, TestActor.ReceiveN(3).Cast<int>());
        ExpectNoMsg();
        Assert.Equal(dropped, letters.ReceiveN(2).Cast<DeadLetter>().Select(d => (int)d.Message).Order());
        Assert.All(letters.ReceiveN(0), _ => { });
    }

    [Fact]
    public void BoundedMailbox_FailPolicy_ThrowsToSenderAndRecordsDeadLetter()
    {
        var (actor, letters) = SpawnBounded(OverflowPolicy.Fail);
        for (var i = 1; i <= 3; i++)
            actor.Tell(i);

        var ex = Assert.Throws<MailboxFullException>(() => actor.Tell(4));

        Assert.Contains("capacity 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, letters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void MailboxSettings_BoundedWithZeroCapacity_ThrowsNamingCapacity()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => MailboxSettings.Bounded(0));

        Assert.Equal("Capacity", ex.ParamName);
    }
}
