using Microsoft.Extensions.Logging;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// Where undeliverable messages end: each is counted, published on the event stream and logged, at most
/// <c>limit</c> log lines per window (then one line saying how many were suppressed). Nothing is lost silently.
/// </summary>
internal sealed class DeadLetterOffice(ActorSystem system, int logLimit, TimeSpan logWindow)
{
    private readonly Lock _gate = new();
    private long _count;
    private long _loggedInWindow;
    private long _suppressed;
    private TimeSpan? _windowStart;

    public long Count => Interlocked.Read(ref _count);

    public ActorSystem System => system;

    public void Publish(DeadLetter letter)
    {
        Interlocked.Increment(ref _count);
        LogRateLimited(letter);
        // A dead letter about a dead letter (a stopped subscriber) is only counted, or it would loop forever.
        if (letter.Message is not DeadLetter)
            system.EventStream.Publish(letter);
    }

    private void LogRateLimited(DeadLetter letter)
    {
        if (logLimit == 0 || !system.Log.IsEnabled(LogLevel.Information))
            return;
        long suppressed = 0;
        lock (_gate)
        {
            var now = system.Scheduler.Now;
            if (_windowStart is not { } start || now - start >= logWindow)
            {
                suppressed = _suppressed;
                _suppressed = 0;
                _loggedInWindow = 0;
                _windowStart = now;
            }
            if (_loggedInWindow >= logLimit)
            {
                _suppressed++;
                return;
            }
            _loggedInWindow++;
        }
        if (suppressed > 0)
            RuntimeLog.DeadLettersSuppressed(system.Log, suppressed, logWindow);
        RuntimeLog.DeadLetter(system.Log, letter.Message, letter.Sender?.Path, letter.Recipient.Path, letter.Reason, Count);
    }
}

/// <summary>The ref of the dead-letter office: anything told to it is recorded as a dead letter.</summary>
internal sealed class DeadLetterActorRef(ActorPath path, DeadLetterOffice office) : MinimalActorRef(path, office.System)
{
    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        office.Publish(message as DeadLetter ?? new DeadLetter(message, sender, this, "sent to dead letters"));
    }
}
