using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Actors.Network;

/// <summary>
/// One directed link to <see cref="Target"/> that delivers by scheduling the message on the scheduler (virtual or
/// real clock alike), following its <see cref="LinkModel"/>:
/// <list type="bullet">
/// <item>Serial wire: a message's transmission starts when the previous one has ended (or now, if the wire is idle)
/// and takes <see cref="LinkModel.TransmissionTime"/>; it is delivered after the end of transmission + latency +
/// jitter. Back-to-back large messages therefore queue behind each other.</item>
/// <item>FIFO, like a TCP stream: a message is never delivered before one sent earlier on the same link; when jitter
/// would let it overtake, it is delivered at the earlier message's time instead (same due time keeps send order).</item>
/// <item>Drops: a dropped message is never scheduled, does not occupy the wire and draws no jitter.</item>
/// <item>Instant links (no latency, jitter or transmission time) tell the target directly instead of scheduling a
/// zero delay: the message arrives at the same time, and since every message of such a link goes the same way, FIFO
/// holds. On the virtual clock it is processed in the cascade of the item being run rather than as an item of its
/// own; per-message scheduler items were a quarter of a quadratics run's time (docs/PERFORMANCE.md).</item>
/// </list>
/// Draw order, fixed so that a seed reproduces a run: per <see cref="Send(TMessage, long, IActorRef?)"/>, first one
/// <see cref="Random.NextDouble"/> for the drop (only when the drop probability is positive; dropped if below it),
/// then, for a message not dropped, one <see cref="Random.NextInt64(long, long)"/> for the jitter in whole ticks
/// (only when the jitter is positive). A model without jitter or drops draws nothing, so such runs are identical
/// with or without a generator. Time comes only from <see cref="IScheduler.Now"/>.
/// Owned by the sending actor and used only on its turn, so the state needs no synchronisation.
/// </summary>
public sealed class DelayedLink<TMessage>
    where TMessage : notnull
{
    private readonly IScheduler _scheduler;
    private readonly Random? _random;
    private readonly bool _instant;
    private TimeSpan _wireFreeAt;

    /// <summary>A link whose model draws nothing (no jitter, no drops); use the other constructor for random models.</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> has jitter or drops and so needs a seeded generator.</exception>
    public DelayedLink(IScheduler scheduler, IActorRef<TMessage> target, LinkModel model)
        : this(random: null, scheduler, target, model)
    {
    }

    /// <summary>
    /// A link drawing its jitter and drops from <paramref name="random"/>, which it owns from now on; derive it from
    /// (run seed, from, to), e.g. with <see cref="NetworkSettings.RandomFor"/>.
    /// </summary>
    public DelayedLink(IScheduler scheduler, IActorRef<TMessage> target, LinkModel model, Random random)
        : this(random ?? throw new ArgumentNullException(nameof(random)), scheduler, target, model)
    {
    }

    private DelayedLink(Random? random, IScheduler scheduler, IActorRef<TMessage> target, LinkModel model)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(model);
        if (random is null && model.IsRandom)
            throw new ArgumentException($"{model} draws jitter or drops; pass a seeded Random so that the run is reproducible", nameof(model));
        _scheduler = scheduler;
        _random = random;
        Target = target;
        Model = model;
        _instant = model.Latency == TimeSpan.Zero && model.Jitter == TimeSpan.Zero && model.Bandwidth is null;
    }

    public IActorRef<TMessage> Target { get; }

    public LinkModel Model { get; }

    /// <summary>Messages handed to the link so far, dropped ones included.</summary>
    public long MessagesSent { get; private set; }

    /// <summary>Messages the link lost (never scheduled).</summary>
    public long MessagesDropped { get; private set; }

    /// <summary>Bytes of the messages not dropped, as given to <see cref="Send(TMessage, long, IActorRef?)"/>.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Scheduler time at which the last message not dropped is delivered; null before the first one.</summary>
    public TimeSpan? LastDeliveryTime { get; private set; }

    /// <summary>Sends a message of size 0 (it still waits behind earlier messages on the wire).</summary>
    /// <inheritdoc cref="Send(TMessage, long, IActorRef?)"/>
    public bool Send(TMessage message, IActorRef? sender = null) => Send(message, 0, sender);

    /// <summary>
    /// Schedules delivery of <paramref name="message"/> of <paramref name="sizeBytes"/> bytes, or drops it. The
    /// message must not be modified afterwards.
    /// </summary>
    /// <returns>False when the link dropped the message.</returns>
    public bool Send(TMessage message, long sizeBytes, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        MessagesSent++;
        if (Model.DropProbability > 0 && _random!.NextDouble() < Model.DropProbability)
        {
            MessagesDropped++;
            return false;
        }

        var now = _scheduler.Now;
        var transmissionEnd = Max(now, _wireFreeAt) + Model.TransmissionTime(sizeBytes);
        _wireFreeAt = transmissionEnd;
        var delivery = transmissionEnd + Model.Latency;
        if (Model.Jitter > TimeSpan.Zero)
            delivery += TimeSpan.FromTicks(_random!.NextInt64(0, Model.Jitter.Ticks + 1));
        if (LastDeliveryTime is { } previous)
            delivery = Max(delivery, previous);
        LastDeliveryTime = delivery;
        BytesSent += sizeBytes;
        if (_instant)
            Target.Tell(message, sender);
        else
            _scheduler.ScheduleTellOnce(delivery - now, Target, message, sender);
        return true;
    }

    /// <summary>
    /// Delivers a loss notice for a message the link just lost (or an outage silenced): after the link's latency, never
    /// before an earlier delivery (FIFO), without occupying the wire, drawing, dropping or counting. It stands for the
    /// reference simulation's knowledge of which messages were lost (<c>relay-actors.network.notify-drops</c>).
    /// </summary>
    public void SendNotice(TMessage notice, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var now = _scheduler.Now;
        var delivery = now + Model.Latency;
        if (LastDeliveryTime is { } previous)
            delivery = Max(delivery, previous);
        LastDeliveryTime = delivery;
        if (_instant)
            Target.Tell(notice, sender);
        else
            _scheduler.ScheduleTellOnce(delivery - now, Target, notice, sender);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
