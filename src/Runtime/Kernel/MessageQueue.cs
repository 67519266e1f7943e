using System.Collections.Concurrent;
using System.Threading.Channels;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// The user-message store of a mailbox. Many writers; one reader per turn, but <see cref="HasMessages"/> may be
/// asked from any thread (after a turn ends, while the next may already run), so every implementation must be
/// safe for concurrent readers.
/// </summary>
internal abstract class MessageQueue
{
    /// <summary>Adds <paramref name="envelope"/>; false when the queue is closed or full (bounded, reject policies).</summary>
    public abstract bool TryEnqueue(in Envelope envelope);

    public abstract bool TryDequeue(out Envelope envelope);

    public abstract bool HasMessages { get; }

    /// <summary>Refuses further writes where the store can (channels); callers still drain what remains.</summary>
    public abstract void Close();

    public static MessageQueue Create(MailboxSettings settings, Action<Envelope> onDropped) =>
        settings.Kind == MailboxKind.Unbounded ? new UnboundedMessageQueue() : new BoundedMessageQueue(settings, onDropped);
}

/// <summary>
/// Unbounded store on <see cref="ConcurrentQueue{T}"/> (as Akka.NET's UnboundedMailbox): a lock-free enqueue is
/// what lets Tell keep pace with a raw channel (docs/PERFORMANCE.md), and any thread may test emptiness.
/// </summary>
internal sealed class UnboundedMessageQueue : MessageQueue
{
    private readonly ConcurrentQueue<Envelope> _items = new();

    public override bool TryEnqueue(in Envelope envelope)
    {
        _items.Enqueue(envelope);
        return true;
    }

    public override bool TryDequeue(out Envelope envelope) => _items.TryDequeue(out envelope);

    public override bool HasMessages => !_items.IsEmpty;

    public override void Close()
    {
        // A ConcurrentQueue cannot refuse writes: the mailbox re-checks its closed flag after every enqueue.
    }
}

/// <summary>
/// Bounded store on <see cref="Channel.CreateBounded{T}(BoundedChannelOptions, Action{T})"/>, whose full modes give
/// the overflow policies. A bounded channel serialises every operation under its lock, so peeking from another
/// thread is safe; <c>SingleReader</c> stays false to keep it that way.
/// </summary>
internal sealed class BoundedMessageQueue : MessageQueue
{
    private readonly Channel<Envelope> _channel;

    public BoundedMessageQueue(MailboxSettings settings, Action<Envelope> onDropped)
    {
        var options = new BoundedChannelOptions(settings.Capacity)
        {
            SingleReader = false,
            SingleWriter = false,
            FullMode = settings.Overflow switch
            {
                OverflowPolicy.DropNewest => BoundedChannelFullMode.DropNewest,
                OverflowPolicy.DropOldest => BoundedChannelFullMode.DropOldest,
                _ => BoundedChannelFullMode.Wait, // TryWrite then fails when full and the mailbox routes the message
            },
        };
        _channel = Channel.CreateBounded(options, onDropped);
    }

    public override bool TryEnqueue(in Envelope envelope) => _channel.Writer.TryWrite(envelope);

    public override bool TryDequeue(out Envelope envelope) => _channel.Reader.TryRead(out envelope);

    public override bool HasMessages => _channel.Reader.TryPeek(out _);

    public override void Close() => _channel.Writer.TryComplete();
}
