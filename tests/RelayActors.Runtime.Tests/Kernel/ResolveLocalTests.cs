using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Runtime.Tests.Kernel;

public sealed class ResolveLocalTests
{
    [Fact]
    public void ResolveLocal_TopLevelAndNestedActors_ReturnsTheirRefs()
    {
        using var system = ActorSystem.Create("resolve");
        var parent = system.ActorOf(Props.Create(() => new ParentActor()), "parent");
        var child = parent.Path.Child("child");

        Assert.Equal(parent.Untyped, system.ResolveLocal(parent.Path));
        ActorTestKit.AwaitAssert(system, () => Assert.Equal(child, system.ResolveLocal(child)?.Path), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ResolveLocal_MissingActorOrOtherSystem_ReturnsNull()
    {
        using var system = ActorSystem.Create("resolve");

        Assert.Null(system.ResolveLocal(ActorPath.Parse("relay://resolve/user/nobody")));
        Assert.Null(system.ResolveLocal(ActorPath.Parse("relay://other/user")));
        Assert.NotNull(system.ResolveLocal(ActorPath.Parse("relay://resolve@10.0.0.1:1/user")));
    }

    private sealed class ParentActor : UntypedActor
    {
        protected override void PreStart() => Context.ActorOf(Props.Create(() => new ParentActor.Leaf()), "child");

        protected override void Receive(object message)
        {
        }

        public sealed class Leaf : UntypedActor
        {
            protected override void Receive(object message)
            {
            }
        }
    }
}
