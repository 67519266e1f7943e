using RelayActors.Runtime.Remote;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Remote;

public sealed class RemoteReconnectTests
{
    [Fact]
    public async Task Tell_AfterPeerRestartsOnSamePort_ReconnectsAndDelivers()
    {
        await using var a = await RemoteNode.StartAsync("a");
        var b = await RemoteNode.StartAsync("b");
        var port = b.Transport.Address.Port!.Value;
        b.ProbeSeenFrom(a).Tell(new Ping(1, "before"));
        Assert.Equal(1, b.Probe.ExpectMsg<Ping>(RemoteNode.Timeout).Seq);
        a.Events.ExpectMsg<AssociationEstablished>(RemoteNode.Timeout);

        await b.DisposeAsync();
        a.Events.ExpectMsg<AssociationLost>(RemoteNode.Timeout);
        await using var restarted = await RemoteNode.StartAsync("b", RemoteSettings.Default with { Port = port });

        // At-most-once: a send racing the reconnect may be dropped, so keep sending until one arrives.
        var target = restarted.ProbeSeenFrom(a);
        Ping? arrived = null;
        for (var attempt = 0; attempt < 20 && arrived is null; attempt++)
        {
            target.Tell(new Ping(100 + attempt, "after"));
            try
            {
                arrived = restarted.Probe.ExpectMsg<Ping>(TimeSpan.FromMilliseconds(500));
            }
            catch (TestKitAssertionException)
            {
            }
        }

        Assert.NotNull(arrived);
        a.Events.ExpectMsg<AssociationEstablished>(RemoteNode.Timeout);
    }

    [Fact]
    public async Task Tell_ToNodeThatIsDown_IsDroppedAndCountedAndNothingThrows()
    {
        await using var a = await RemoteNode.StartAsync("a", RemoteSettings.Default with { ConnectTimeout = TimeSpan.FromSeconds(1) });
        var nowhere = a.Transport.Resolve(RelayActors.Runtime.Kernel.ActorPath.Parse("relay://gone@127.0.0.1:1/user/x"));

        nowhere.Tell(new Ping(1, "hello?"));

        ActorTestKit.AwaitAssert(a.System, () => Assert.Equal(1, a.Transport.Counters.MessagesDropped), RemoteNode.Timeout);
    }
}
