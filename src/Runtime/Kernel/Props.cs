using RelayActors.Runtime.Supervision;

namespace RelayActors.Runtime.Kernel;

/// <summary>Factory for <see cref="Props{TMessage}"/>: <c>Props.Create(() => new Worker(id))</c> infers the protocol from the actor's base class.</summary>
public static class Props
{
    /// <summary>Props that build a fresh actor with <paramref name="factory"/> at start and at every restart.</summary>
    public static Props<TMessage> Create<TMessage>(Func<Actor<TMessage>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props<TMessage>(factory, mailbox: null, supervisorStrategy: null, throughput: null);
    }
}

/// <summary>
/// Immutable recipe for an actor speaking <typeparamref name="TMessage"/>: its factory plus optional mailbox,
/// supervisor strategy (for its children) and throughput. <c>With*</c> returns a modified copy.
/// </summary>
public sealed class Props<TMessage>
{
    private readonly Func<Actor<TMessage>> _factory;

    internal Props(Func<Actor<TMessage>> factory, MailboxSettings? mailbox, SupervisorStrategy? supervisorStrategy, int? throughput)
    {
        _factory = factory;
        Mailbox = mailbox;
        SupervisorStrategy = supervisorStrategy;
        Throughput = throughput;
    }

    /// <summary>Mailbox for this actor; null uses the system default.</summary>
    public MailboxSettings? Mailbox { get; }

    /// <summary>How this actor supervises its children; null uses the actor's own override or the system default.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Messages processed per turn before the thread is handed back; null uses the system default.</summary>
    public int? Throughput { get; }

    public Props<TMessage> WithMailbox(MailboxSettings mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        mailbox.Validate();
        return new(_factory, mailbox, SupervisorStrategy, Throughput);
    }

    public Props<TMessage> WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new(_factory, Mailbox, strategy, Throughput);
    }

    public Props<TMessage> WithThroughput(int throughput)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(throughput);
        return new(_factory, Mailbox, SupervisorStrategy, throughput);
    }

    internal ActorBase NewActor() =>
        _factory() ?? throw new InvalidOperationException($"The Props factory for {typeof(TMessage).Name} returned null");

    internal PropsShape Shape => new(NewActor, Mailbox, SupervisorStrategy, Throughput);
}

/// <summary>The untyped view of a Props that the actor cell needs.</summary>
internal sealed record PropsShape(Func<ActorBase> NewActor, MailboxSettings? Mailbox, SupervisorStrategy? SupervisorStrategy, int? Throughput);
