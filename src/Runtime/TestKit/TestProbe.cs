using System.Globalization;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Runtime.TestKit;

/// <summary>
/// An actor ref whose received messages a test inspects (Akka.TestKit's TestProbe).
/// On a virtual clock, "waiting up to <c>max</c>" means advancing the clock item by item until a message arrives or
/// <c>max</c> has passed, so expectations never sleep; the default <c>max</c> is zero (only ready work runs).
/// On the real clock the default is <see cref="DefaultRealTimeout"/> and waits are real.
/// </summary>
public sealed class TestProbe
{
    /// <summary>Default wait on the real clock (Akka's single-expect-default).</summary>
    public static readonly TimeSpan DefaultRealTimeout = TimeSpan.FromSeconds(3);

    private readonly ProbeQueue _queue = new();
    private readonly ActorSystem _system;
    private readonly VirtualTimeScheduler? _virtual;
    private TimeSpan? _withinDeadline;

    public TestProbe(ActorSystem system, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        _virtual = system.VirtualClock;
        Name = name ?? "testProbe-" + system.NextProbeNumber().ToString(CultureInfo.InvariantCulture);
        Ref = system.SystemActorOf(Props.Create(() => new ProbeActor(_queue)), Name);
    }

    public string Name { get; }

    /// <summary>The probe's ref; usable wherever any <c>IActorRef&lt;T&gt;</c> is expected.</summary>
    public IActorRef<object> Ref { get; }

    /// <summary>Sender of the last message taken from the queue.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>Messages received and not yet taken (after running ready work on a virtual clock).</summary>
    public int PendingCount
    {
        get
        {
            _virtual?.RunReady();
            return _queue.Count;
        }
    }

    private TimeSpan Now => _system.Scheduler.Now;

    /// <summary>Expects a message of type <typeparamref name="T"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? max = null, string? hint = null) => ExpectMsg<T>(_ => true, max, hint);

    /// <summary>Expects a message equal to <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return ExpectMsg<T>(m => Equals(m, expected), max, $"equal to {expected}");
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? max = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var what = $"ExpectMsg<{typeof(T).Name}>" + (hint is null ? "" : $" ({hint})");
        var received = Take(max, what);
        if (received.Message is T typed && predicate(typed))
            return typed;
        throw Fail($"{what} failed: got {Describe(received)}");
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="actor"/> (watch it first).</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ExpectMsg<Terminated>(t => t.ActorRef.Equals(actor), max, $"Terminated of {actor.Path}");
    }

    /// <summary>Asserts that no message arrives within <paramref name="duration"/> (virtual: the clock advances by it).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        var received = TryTake(duration ?? (_virtual is null ? TimeSpan.FromMilliseconds(100) : TimeSpan.Zero));
        if (received is not null)
            throw Fail($"ExpectNoMsg failed: got {Describe(received)}");
    }

    /// <summary>The next message, or null if none arrives within <paramref name="max"/> (Akka's <c>ReceiveOne</c>).</summary>
    public object? ReceiveOne(TimeSpan? max = null) => TryTake(Remaining(Deadline(max)))?.Message;

    /// <summary>Receives exactly <paramref name="count"/> messages, in arrival order.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? max = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = Deadline(max);
        var messages = new List<object>(count);
        for (var i = 0; i < count; i++)
        {
            var received = TryTake(Remaining(deadline))
                ?? throw Fail($"ReceiveN({count}) failed: got only {i} messages [{string.Join(", ", messages)}]");
            messages.Add(received.Message);
        }
        return messages;
    }

    /// <summary>Skips messages until one of type <typeparamref name="T"/> satisfies <paramref name="isTarget"/>.</summary>
    public T FishForMessage<T>(Func<T, bool> isTarget, TimeSpan? max = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var deadline = Deadline(max);
        var skipped = new List<string>();
        while (true)
        {
            var received = TryTake(Remaining(deadline));
            if (received is null)
                throw Fail($"FishForMessage<{typeof(T).Name}>{(hint is null ? "" : $" ({hint})")} failed: no matching message; skipped [{string.Join(", ", skipped)}]");
            if (received.Message is T typed && isTarget(typed))
                return typed;
            skipped.Add(received.Message.ToString() ?? received.Message.GetType().Name);
        }
    }

    /// <summary>
    /// Runs <paramref name="block"/> and asserts it took between <paramref name="min"/> and <paramref name="max"/>
    /// (clock time); expectations inside without their own <c>max</c> wait at most until the end of the window.
    /// </summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (min < TimeSpan.Zero || max < min)
            throw new ArgumentOutOfRangeException(nameof(max), $"Within needs 0 <= min <= max; got min {min}, max {max}");
        var start = Now;
        var outer = _withinDeadline;
        _withinDeadline = start + max;
        T result;
        try
        {
            result = block();
        }
        finally
        {
            _withinDeadline = outer;
        }
        var elapsed = Now - start;
        if (elapsed < min || elapsed > max)
            throw Fail($"Within({Ms(min)}, {Ms(max)}) failed: the block took {Ms(elapsed)}");
        return result;
    }

    /// <inheritdoc cref="Within{T}(TimeSpan, TimeSpan, Func{T})"/>
    public void Within(TimeSpan max, Action block)
    {
        ArgumentNullException.ThrowIfNull(block);
        Within(TimeSpan.Zero, max, () =>
        {
            block();
            return 0;
        });
    }

    /// <summary>Watches <paramref name="actor"/>; its death arrives as <see cref="Terminated"/>.</summary>
    public void Watch(IActorRef actor)
    {
        Ref.Tell(new ProbeCommand.Watch(actor));
        _virtual?.RunReady();
    }

    public void Unwatch(IActorRef actor)
    {
        Ref.Tell(new ProbeCommand.Unwatch(actor));
        _virtual?.RunReady();
    }

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref.Untyped);
    }

    /// <summary>Replies to the sender of the last message taken.</summary>
    public void Reply(object message)
    {
        var sender = LastSender ?? throw Fail("Reply failed: no message with a sender has been received yet");
        sender.Tell(message, Ref.Untyped);
    }

    private ReceivedMessage Take(TimeSpan? max, string what)
    {
        var wait = Remaining(Deadline(max));
        return TryTake(wait) ?? throw Fail($"{what} failed: no message within {Ms(wait)}");
    }

    private TimeSpan Deadline(TimeSpan? max)
    {
        if (max is { } explicitMax)
        {
            if (explicitMax < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(max), max, "A wait must not be negative");
            return Now + explicitMax;
        }
        return _withinDeadline ?? Now + (_virtual is null ? DefaultRealTimeout : TimeSpan.Zero);
    }

    private TimeSpan Remaining(TimeSpan deadline) => deadline > Now ? deadline - Now : TimeSpan.Zero;

    private ReceivedMessage? TryTake(TimeSpan wait)
    {
        var received = _virtual is null ? TakeReal(wait) : TakeVirtual(Now + wait);
        if (received is not null)
            LastSender = received.Sender;
        return received;
    }

    private ReceivedMessage? TakeVirtual(TimeSpan deadline)
    {
        var scheduler = _virtual!;
        while (true)
        {
            scheduler.RunReady();
            if (_queue.TryTake(out var received))
                return received;
            if (scheduler.NextDue is not { } next || next > deadline)
            {
                if (deadline > scheduler.Now)
                    scheduler.AdvanceTo(deadline);
                return _queue.TryTake(out received) ? received : null;
            }
            scheduler.AdvanceTo(next);
        }
    }

    private ReceivedMessage? TakeReal(TimeSpan wait) => _queue.TakeWaiting(wait);

    private TestKitAssertionException Fail(string message) =>
        new($"{message} [probe '{Name}', {(_virtual is null ? "time" : "virtual time")} {Ms(Now)}]");

    private static string Describe(ReceivedMessage received) =>
        $"{received.Message.GetType().Name} {received.Message} from {received.Sender?.Path.ToString() ?? "no sender"} at {Ms(received.ReceivedAt)}";

    internal static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
