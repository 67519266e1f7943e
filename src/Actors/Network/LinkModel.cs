namespace RelayActors.Actors.Network;

/// <summary>
/// How one directed link delays messages. For now a constant latency; jitter and drop probability (C8's
/// <c>network { delay, jitter, drop-probability }</c>) become further properties here, with the seeded draw in <see cref="DelayedLink{TMessage}"/>.
/// </summary>
public sealed record LinkModel
{
    /// <summary>A link that delivers after exactly <paramref name="latency"/>.</summary>
    public static LinkModel Constant(TimeSpan latency) => new() { Latency = latency };

    /// <summary>Delivery as soon as the scheduler runs (zero latency).</summary>
    public static LinkModel Instant { get; } = Constant(TimeSpan.Zero);

    /// <summary>Time from send to delivery; not negative.</summary>
    public TimeSpan Latency
    {
        get;
        init
        {
            if (value < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(Latency), value, $"Link latency must not be negative; got {value.TotalMilliseconds} ms");
            field = value;
        }
    }

    public override string ToString() => $"LinkModel(latency {Latency.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} ms)";
}
