using System.Collections.Concurrent;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// An actor's queue: user messages in a <see cref="MessageQueue"/> (lock-free and unbounded, or a bounded channel
/// with an overflow policy), system messages in a separate queue that is always served first. At most
/// <c>throughput</c> user messages are processed per turn; a turn is scheduled only when the mailbox is idle.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly MessageQueue _queue;
    private readonly ConcurrentQueue<SystemMessage> _system = new();
    private readonly Dispatcher _dispatcher;
    private readonly int _throughput;
    private readonly MailboxSettings _settings;
    private ActorCell _cell = null!;
    private int _status;
    private volatile bool _suspended;
    private volatile bool _closed;

    public Mailbox(MailboxSettings settings, Dispatcher dispatcher, int throughput)
    {
        _settings = settings;
        _dispatcher = dispatcher;
        _throughput = throughput;
        _queue = MessageQueue.Create(settings, dropped => _cell.DeadLetter(dropped, $"mailbox overflow ({settings.Overflow}, capacity {settings.Capacity})"));
    }

    public void Attach(ActorCell cell) => _cell = cell;

    public void Post(in Envelope envelope)
    {
        if (_closed)
        {
            _cell.DeadLetter(envelope, "recipient stopped");
            return;
        }
        if (!_queue.TryEnqueue(envelope))
        {
            if (_closed)
            {
                _cell.DeadLetter(envelope, "recipient stopped");
                return;
            }
            // Only a full bounded mailbox in Wait mode gets here (DropIncoming or Fail).
            _cell.DeadLetter(envelope, $"mailbox full (capacity {_settings.Capacity})");
            if (_settings.Overflow == OverflowPolicy.Fail)
                throw new MailboxFullException($"Mailbox of {_cell.Self.Path} is full (capacity {_settings.Capacity}); {envelope.Message.GetType().Name} was rejected");
            return;
        }
        if (_closed)
        {
            // Closed while we enqueued: the cell's final drain may have run already, so drain ourselves.
            DrainUserMessages();
            return;
        }
        ScheduleIfIdle();
    }

    public void PostSystem(SystemMessage message)
    {
        _system.Enqueue(message);
        if (_closed)
        {
            // The cell may have finished its last drain before our enqueue; hand leftovers to the dead cell logic.
            DrainSystemAfterClose();
            return;
        }
        ScheduleIfIdle();
    }

    public void Suspend() => _suspended = true;

    public void Resume() => _suspended = false;

    /// <summary>Stops accepting messages; what is still queued (and whatever races in later) becomes dead letters.</summary>
    public void CloseAndDrain()
    {
        _closed = true;
        _queue.Close();
        DrainUserMessages();
        DrainSystemAfterClose();
    }

    private void DrainUserMessages()
    {
        // Safe from several threads at once: each message is dequeued, and so dead-lettered, exactly once.
        while (_queue.TryDequeue(out var envelope))
            _cell.DeadLetter(envelope, "recipient stopped");
    }

    private void DrainSystemAfterClose()
    {
        while (_system.TryDequeue(out var message))
            _cell.HandleSystemMessageAfterTermination(message);
    }

    private void ScheduleIfIdle()
    {
        if (Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
            _dispatcher.Schedule(this);
    }

    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            ProcessSystemMessages();
            for (var i = 0; i < _throughput && !_suspended && !_closed; i++)
            {
                if (!_queue.TryDequeue(out var envelope))
                    break;
                _cell.Invoke(envelope);
                if (!_system.IsEmpty)
                    ProcessSystemMessages();
            }
        }
        finally
        {
            // Full fence: a producer that enqueued after our last dequeue either sees Idle and schedules,
            // or we see its message below and reschedule. Without it a message could sit unprocessed.
            // After this exchange another turn may start on another thread, so HasWork must only use
            // operations that are safe alongside a concurrent reader.
            Interlocked.Exchange(ref _status, Idle);
            if (HasWork())
                ScheduleIfIdle();
        }
    }

    private bool HasWork() =>
        !_system.IsEmpty || (!_suspended && !_closed && _queue.HasMessages);

    private void ProcessSystemMessages()
    {
        while (!_closed && _system.TryDequeue(out var message))
            _cell.HandleSystemMessage(message);
    }
}
