namespace RelayActors.Benchmarks;

/// <summary>
/// One experimental change to the runtime's Tell path, applied to <see cref="VariantMailbox"/> (a copy of
/// src/Runtime/Kernel/Mailbox.cs) so its effect can be measured without editing the runtime.
/// </summary>
/// <param name="Name">Row label.</param>
/// <param name="ConcurrentQueue">Queue envelopes in a plain <c>ConcurrentQueue</c> instead of a <c>Channel</c> (no writer lock).</param>
/// <param name="MultiReaderChannel">Create the channel with <c>SingleReader = false</c>, whose TryPeek is safe from any thread (Mailbox.HasWork peeks after releasing the mailbox).</param>
/// <param name="SystemCheckPerMessage">Poll the system queue after every user message (as Mailbox.Execute does) rather than once per turn.</param>
/// <param name="ImplicitSender">Look up <c>ActorCell.Current</c> (a thread static) for the implicit sender on every Tell.</param>
/// <param name="RescheduleLocal">When a turn ends with work left, requeue on the worker's local queue (<c>preferLocal: true</c>) instead of the global one.</param>
/// <param name="SpinBeforeIdle">When the queue runs dry mid-turn, spin up to 2 µs for more before ending the turn (so a fast producer does not pay a thread-pool wake-up per short turn).</param>
/// <param name="RuntimeInvoke">Deliver through the real <c>ActorCell.Invoke</c> (sender/current bookkeeping, try/finally, type switch, behaviour delegate) rather than straight to the handler.</param>
internal sealed record MailboxVariant(string Name, bool ConcurrentQueue, bool MultiReaderChannel, bool SystemCheckPerMessage, bool ImplicitSender, bool RescheduleLocal, bool SpinBeforeIdle, bool RuntimeInvoke)
{
    /// <summary>The runtime as it is: the copy should run at the speed of the real mailbox.</summary>
    public static MailboxVariant AsRuntime { get; } = new("copy of Mailbox.cs as is", false, false, true, true, false, false, true);

    public static IReadOnlyList<MailboxVariant> All { get; } =
    [
        AsRuntime,
        AsRuntime with { Name = "system queue polled once per turn", SystemCheckPerMessage = false },
        AsRuntime with { Name = "no implicit-sender thread-static lookup", ImplicitSender = false },
        AsRuntime with { Name = "handler called directly (no ActorCell.Invoke)", RuntimeInvoke = false },
        AsRuntime with { Name = "Channel with SingleReader = false (thread-safe TryPeek)", MultiReaderChannel = true },
        AsRuntime with { Name = "ConcurrentQueue<Envelope> instead of Channel<Envelope>", ConcurrentQueue = true },
        AsRuntime with { Name = "turn requeued with preferLocal: true", RescheduleLocal = true },
        AsRuntime with { Name = "spin ≤ 2 µs for more messages before ending a short turn", SpinBeforeIdle = true },
        AsRuntime with { Name = "ConcurrentQueue + system polled once per turn", ConcurrentQueue = true, SystemCheckPerMessage = false },
    ];
}
