using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>
/// A copy of the user-message path of src/Runtime/Kernel/Mailbox.cs (Post, ScheduleIfIdle, Execute) with the
/// switches of <see cref="MailboxVariant"/>. It delivers to a real, started actor cell, so everything after the
/// mailbox is the runtime's own code. Bench-only: no suspension, closing or dead letters.
/// </summary>
internal sealed class VariantMailbox : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly MailboxVariant _variant;
    private readonly Channel<Envelope> _channel;
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly ConcurrentQueue<object> _system = new();
    private readonly ActorCell _cell;
    private readonly Action<object> _handler;
    private readonly int _throughput;
    private int _status;
    private long _turns;
    private long _producerSchedules;
    private volatile bool _suspended;
    private volatile bool _closed;

    public VariantMailbox(MailboxVariant variant, IActorRef actor, Action<object> handler, int throughput)
    {
        _variant = variant;
        _channel = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions
        {
            SingleReader = !variant.MultiReaderChannel,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        _cell = ((LocalActorRef)actor).Cell;
        _handler = handler;
        _throughput = throughput;
        Ref = new VariantRef(actor, this);
    }

    /// <summary>A ref onto this mailbox, dispatched like a LocalActorRef (usable as any reference-type protocol).</summary>
    public VariantRef Ref { get; }

    /// <summary>Mailbox turns run so far.</summary>
    public long Turns => Interlocked.Read(ref _turns);

    /// <summary>Turns the producer had to schedule because it found the mailbox idle (each may wake a pool thread).</summary>
    public long ProducerSchedules => Interlocked.Read(ref _producerSchedules);

    /// <summary>Kept so the loop reads the same volatile flags as the runtime's; the benchmark never suspends.</summary>
    public void Suspend() => _suspended = true;

    /// <summary>Stops the loop from taking further messages (called when a run is over).</summary>
    public void Close() => _closed = true;

    public void Post(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = new Envelope(message, _variant.ImplicitSender ? sender ?? ActorCell.Current?.Self : sender);
        if (_variant.ConcurrentQueue)
            _queue.Enqueue(envelope);
        else if (!_channel.Writer.TryWrite(envelope))
            throw new InvalidOperationException("unbounded channel refused a write");
        if (Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            Interlocked.Increment(ref _producerSchedules); // only on the idle→scheduled path, so the atomic is cheap
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        _turns++; // turns never overlap
        try
        {
            ProcessSystemMessages();
            long spinUntil = 0;
            for (var i = 0; i < _throughput && !_suspended && !_closed; i++)
            {
                if (!TryRead(out var envelope))
                {
                    if (!_variant.SpinBeforeIdle || !StillSpinning(ref spinUntil))
                        break;
                    i--;
                    continue;
                }
                if (_variant.RuntimeInvoke)
                    _cell.Invoke(envelope);
                else
                    _handler(envelope.Message);
                if (_variant.SystemCheckPerMessage && !_system.IsEmpty)
                    ProcessSystemMessages();
            }
        }
        finally
        {
            Interlocked.Exchange(ref _status, Idle);
            if (!_system.IsEmpty || HasUserMessages())
            {
                if (Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: _variant.RescheduleLocal);
            }
        }
    }

    private static bool StillSpinning(ref long spinUntil)
    {
        var now = Stopwatch.GetTimestamp();
        if (spinUntil == 0)
            spinUntil = now + (Stopwatch.Frequency / 500_000); // 2 µs
        Thread.SpinWait(4);
        return now < spinUntil;
    }

    private bool TryRead(out Envelope envelope) =>
        _variant.ConcurrentQueue ? _queue.TryDequeue(out envelope) : _channel.Reader.TryRead(out envelope);

    private bool HasUserMessages() =>
        _variant.ConcurrentQueue ? !_queue.IsEmpty : _channel.Reader.TryPeek(out _);

    private void ProcessSystemMessages()
    {
        while (!_closed && _system.TryDequeue(out _))
        {
        }
    }
}
