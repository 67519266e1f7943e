using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Scheduling;

/// <summary>One scheduled tell or action. Its state moves once from pending to fired or cancelled (CAS), so counts stay exact.</summary>
internal sealed class ScheduledItem : ICancelable
{
    private const int Pending = 0;
    private const int Done = 1;

    private readonly IActorRef? _receiver;
    private readonly object? _message;
    private readonly IActorRef? _sender;
    private readonly Action? _action;
    private readonly Action<ScheduledItem>? _onCancel;
    private int _state;
    private volatile bool _cancelled;

    public ScheduledItem(IActorRef receiver, object message, IActorRef? sender, long dueTicks, long intervalTicks, Action<ScheduledItem>? onCancel)
    {
        _receiver = receiver;
        _message = message;
        _sender = sender;
        DueTicks = dueTicks;
        IntervalTicks = intervalTicks;
        _onCancel = onCancel;
    }

    public ScheduledItem(Action action, long dueTicks, Action<ScheduledItem>? onCancel)
    {
        _action = action;
        DueTicks = dueTicks;
        _onCancel = onCancel;
    }

    public long DueTicks { get; set; }

    /// <summary>Zero for one-shot items.</summary>
    public long IntervalTicks { get; }

    public bool IsRepeating => IntervalTicks > 0;

    public bool IsCancellationRequested => _cancelled;

    /// <summary>True while the item may still run.</summary>
    public bool IsPending => Volatile.Read(ref _state) == Pending;

    public void Cancel()
    {
        _cancelled = true;
        if (Interlocked.Exchange(ref _state, Done) == Pending)
            _onCancel?.Invoke(this);
    }

    /// <summary>Claims a one-shot item for running; false if it was cancelled meanwhile.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Done, Pending) == Pending;

    public void Run()
    {
        if (_action is not null)
            _action();
        else
            _receiver!.Tell(_message!, _sender);
    }

    internal static void ValidateDelay(TimeSpan delay, string name)
    {
        if (delay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, delay, $"Scheduling delay must not be negative; got {delay.TotalMilliseconds} ms");
    }

    internal static void ValidateInterval(TimeSpan interval, string name)
    {
        if (interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, interval, $"Repeat interval must be positive; got {interval.TotalMilliseconds} ms");
    }
}
