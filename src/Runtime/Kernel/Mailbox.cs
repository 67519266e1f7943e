using System.Collections.Concurrent;
using System.Threading.Channels;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// An actor's queue: user messages in a <see cref="Channel{T}"/> (many writers, one reader), system messages in a
/// separate queue that is always served first. At most <c>throughput</c> user messages are processed per turn.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly Channel<Envelope> _channel;
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
        _channel = settings.Kind switch
        {
            MailboxKind.Unbounded => Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions
            {
                SingleReader = true,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
            }),
            _ => CreateBounded(settings),
        };
    }

    private Channel<Envelope> CreateBounded(MailboxSettings settings)
    {
        var options = new BoundedChannelOptions(settings.Capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = settings.Overflow switch
            {
                OverflowPolicy.DropNewest => BoundedChannelFullMode.DropNewest,
                OverflowPolicy.DropOldest => BoundedChannelFullMode.DropOldest,
                _ => BoundedChannelFullMode.Wait, // TryWrite then fails when full and we route the message ourselves
            },
        };
        return Channel.CreateBounded<Envelope>(options, dropped => _cell.DeadLetter(dropped, $"mailbox overflow ({settings.Overflow}, capacity {settings.Capacity})"));
    }

    public void Attach(ActorCell cell) => _cell = cell;

    public bool IsSuspended => _suspended;

    public bool IsClosed => _closed;

    /// <summary>Number of queued user messages.</summary>
    public int Count => _channel.Reader.Count;

    public void Post(in Envelope envelope)
    {
        if (!_channel.Writer.TryWrite(envelope))
        {
            if (_closed)
            {
                _cell.DeadLetter(envelope, "recipient stopped");
                return;
            }
            // Only a full bounded mailbox in Wait mode gets here (DropIncoming or Fail).
            var reason = $"mailbox full (capacity {_settings.Capacity})";
            _cell.DeadLetter(envelope, reason);
            if (_settings.Overflow == OverflowPolicy.Fail)
                throw new MailboxFullException($"Mailbox of {_cell.Self.Path} is full (capacity {_settings.Capacity}); {envelope.Message.GetType().Name} was rejected");
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

    /// <summary>Stops accepting user messages and returns the ones still queued, in order.</summary>
    public void CloseAndDrain(Action<Envelope> deadLetter)
    {
        _closed = true;
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out var envelope))
            deadLetter(envelope);
        DrainSystemAfterClose();
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
            var reader = _channel.Reader;
            for (var i = 0; i < _throughput && !_suspended && !_closed; i++)
            {
                if (!reader.TryRead(out var envelope))
                    break;
                _cell.Invoke(envelope);
                if (!_system.IsEmpty)
                    ProcessSystemMessages();
            }
        }
        finally
        {
            // Full fence: a producer that enqueued after our last TryRead either sees Idle and schedules,
            // or we see its message below and reschedule. Without it a message could sit unprocessed.
            Interlocked.Exchange(ref _status, Idle);
            if (HasWork())
                ScheduleIfIdle();
        }
    }

    private bool HasWork() =>
        !_system.IsEmpty || (!_suspended && !_closed && _channel.Reader.TryPeek(out _));

    private void ProcessSystemMessages()
    {
        while (!_closed && _system.TryDequeue(out var message))
            _cell.HandleSystemMessage(message);
    }
}
