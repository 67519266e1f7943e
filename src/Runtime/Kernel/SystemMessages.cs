namespace RelayActors.Runtime.Kernel;

/// <summary>Runtime-internal messages; processed before user messages and never dropped by overflow policies.</summary>
internal abstract record SystemMessage;

/// <summary>Instantiate the actor and call PreStart; always the first message of a cell.</summary>
internal sealed record Create : SystemMessage
{
    public static readonly Create Instance = new();
}

/// <summary>Stop: children first, then PostStop, then notify watchers and the parent.</summary>
internal sealed record Terminate : SystemMessage
{
    public static readonly Terminate Instance = new();
}

internal sealed record Watch(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

internal sealed record Unwatch(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

/// <summary>Sent by a stopped actor to each watcher.</summary>
internal sealed record DeathWatchNotification(IInternalActorRef Actor) : SystemMessage;

/// <summary>A child reports a failure to its parent; the child stays suspended until the parent answers.</summary>
internal sealed record Failed(IInternalActorRef Child, Exception Cause, Type? MessageType) : SystemMessage;

/// <summary>Supervisor's answer: continue with the same instance.</summary>
internal sealed record Resume : SystemMessage
{
    public static readonly Resume Instance = new();
}

/// <summary>Supervisor's answer: replace the instance.</summary>
internal sealed record Recreate(Exception Cause) : SystemMessage;

/// <summary>A child finished stopping; its name is free again.</summary>
internal sealed record ChildTerminated(IInternalActorRef Child) : SystemMessage;

/// <summary>Refs the runtime can send system messages to.</summary>
internal interface IInternalActorRef : IActorRef
{
    void SendSystem(SystemMessage message);

    bool IsTerminated { get; }

    ActorSystem System { get; }
}
