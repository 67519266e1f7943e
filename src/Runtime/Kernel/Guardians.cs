namespace RelayActors.Runtime.Kernel;

/// <summary>The <c>/user</c> and <c>/system</c> guardians: they only supervise.</summary>
internal sealed class GuardianActor : UntypedActor
{
    protected override void Receive(object message) => Unhandled(message);
}

/// <summary>
/// The root <c>/</c>: orders shutdown. When <c>/user</c> has stopped (all application actors are gone) it stops
/// <c>/system</c> (probes, temporary actors), and when that is gone it stops itself, which ends the system.
/// </summary>
internal sealed class RootGuardian : UntypedActor
{
    protected override void Receive(object message) => Unhandled(message);

    internal override void OnChildTerminated(IActorRef child)
    {
        if (child.Path.Name == "user" && Context.Child("system") is { } systemGuardian)
            Context.Stop(systemGuardian);
        else if (Context.Children.Count == 0)
            Context.Stop(Context.SelfRef);
    }
}
