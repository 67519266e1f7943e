using System.Globalization;

namespace RelayActors.Actors.Network;

/// <summary>
/// How one directed link delays and loses messages (C8's delay model): a message of <c>n</c> bytes is on the wire
/// for <see cref="TransmissionTime"/>(n), then arrives after <see cref="Latency"/> plus a jitter drawn uniformly from
/// [0, <see cref="Jitter"/>]; with <see cref="DropProbability"/> it is lost instead. The draws and the queueing on the
/// wire happen in <see cref="DelayedLink{TMessage}"/>; this record only describes the link.
/// </summary>
public sealed record LinkModel
{
    /// <summary>A link that delivers after exactly <paramref name="latency"/>, with unlimited bandwidth and no loss.</summary>
    public static LinkModel Constant(TimeSpan latency) => new() { Latency = latency };

    /// <summary>Delivery as soon as the scheduler runs (zero latency).</summary>
    public static LinkModel Instant { get; } = Constant(TimeSpan.Zero);

    /// <summary>Fixed time from the end of transmission to delivery; not negative.</summary>
    public TimeSpan Latency
    {
        get;
        init => field = NotNegative(value, nameof(Latency));
    }

    /// <summary>Upper bound of the extra delay drawn uniformly (in whole ticks) from [0, Jitter] per message; not negative.</summary>
    public TimeSpan Jitter
    {
        get;
        init => field = NotNegative(value, nameof(Jitter));
    }

    /// <summary>
    /// Bytes per second the wire carries; null means unlimited (transmission takes no time). Positive; setting
    /// <see cref="double.PositiveInfinity"/> stores null, so the two spellings of "unlimited" are equal.
    /// </summary>
    public double? Bandwidth
    {
        get;
        init
        {
            if (value is { } bytesPerSecond && (double.IsNaN(bytesPerSecond) || bytesPerSecond <= 0))
                throw new ArgumentOutOfRangeException(nameof(Bandwidth), value, $"Link bandwidth must be positive bytes per second (null for unlimited); got {Format(bytesPerSecond)}");
            field = value is double.PositiveInfinity ? null : value;
        }
    }

    /// <summary>Probability that a message is lost, in [0, 1): a link that loses everything is no link.</summary>
    public double DropProbability
    {
        get;
        init
        {
            if (double.IsNaN(value) || value < 0 || value >= 1)
                throw new ArgumentOutOfRangeException(nameof(DropProbability), value, $"Link drop probability must lie in [0, 1); got {Format(value)}");
            field = value;
        }
    }

    /// <summary>True when sending draws random numbers (jitter or drops), so the link needs a seeded <see cref="Random"/>.</summary>
    public bool IsRandom => Jitter > TimeSpan.Zero || DropProbability > 0;

    /// <summary>
    /// How long <paramref name="sizeBytes"/> occupy the wire: size / <see cref="Bandwidth"/>, rounded up to a whole tick
    /// (never early); zero when the bandwidth is unlimited.
    /// </summary>
    public TimeSpan TransmissionTime(long sizeBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        if (Bandwidth is not { } bytesPerSecond || sizeBytes == 0)
            return TimeSpan.Zero;
        var ticks = Math.Ceiling(sizeBytes * (double)TimeSpan.TicksPerSecond / bytesPerSecond);
        if (ticks >= TimeSpan.MaxValue.Ticks)
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), sizeBytes, $"{sizeBytes} bytes at {Format(bytesPerSecond)} bytes/s take longer than TimeSpan can hold");
        return TimeSpan.FromTicks((long)ticks);
    }

    public override string ToString()
    {
        var text = $"LinkModel(latency {Ms(Latency)}";
        if (Jitter > TimeSpan.Zero)
            text += $", jitter {Ms(Jitter)}";
        if (Bandwidth is { } bytesPerSecond)
            text += $", bandwidth {Format(bytesPerSecond)} B/s";
        if (DropProbability > 0)
            text += $", drop probability {Format(DropProbability)}";
        return text + ")";
    }

    private static TimeSpan NotNegative(TimeSpan value, string property) =>
        value < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(property, value, $"Link {property.ToLowerInvariant()} must not be negative; got {Ms(value)}")
            : value;

    private static string Ms(TimeSpan time) => Format(time.TotalMilliseconds) + " ms";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
