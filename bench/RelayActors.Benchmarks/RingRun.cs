namespace RelayActors.Benchmarks;

/// <summary>
/// Parameters of one ring run. <see cref="Mailbox"/> routes every hop through <see cref="VariantMailbox"/> copies
/// instead of the runtime's mailboxes (the actors, cells and Invoke path stay the runtime's).
/// </summary>
internal sealed record RingRun(int Size, int TotalMessages)
{
    public int TimeoutSeconds { get; init; } = 120;

    public int Throughput { get; init; } = 100;

    /// <summary>Tokens seeded per actor: 256 keeps every mailbox busy; a handful makes mailboxes run dry constantly.</summary>
    public int BatchPerActor { get; init; } = 256;

    public MailboxVariant? Mailbox { get; init; }
}
