using System.Globalization;

namespace RelayActors.Actors.Network;

/// <summary>
/// A scheduled silence (<c>relay-actors.network.outages</c>): from step <see cref="FromStep"/> until just before
/// <see cref="ToStep"/>, every message on the silenced links is lost, then the links come back. Either one worker
/// goes silent (<see cref="Worker"/>: everything it sends and everything sent to it) or one link does
/// (<see cref="From"/> → <see cref="To"/>, and back when <see cref="BothDirections"/>). The worker keeps computing; only
/// its messages are lost, as in a network partition of one host.
/// </summary>
public sealed record Outage
{
    private Outage(long fromStep, long toStep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromStep);
        if (toStep <= fromStep)
            throw new ArgumentOutOfRangeException(nameof(toStep), toStep, $"An outage ends after it starts; got steps {fromStep}..{toStep}");
        FromStep = fromStep;
        ToStep = toStep;
    }

    /// <summary>First silent step.</summary>
    public long FromStep { get; }

    /// <summary>First step after the silence (exclusive end).</summary>
    public long ToStep { get; }

    /// <summary>The silent worker, or null for a link outage.</summary>
    public int? Worker { get; private init; }

    /// <summary>Sender of the silent link (−1 for a worker outage).</summary>
    public int From { get; private init; } = -1;

    /// <summary>Receiver of the silent link (−1 for a worker outage).</summary>
    public int To { get; private init; } = -1;

    /// <summary>Whether the link is silent in both directions.</summary>
    public bool BothDirections { get; private init; }

    /// <summary>Worker <paramref name="worker"/> sends and receives nothing in steps [<paramref name="fromStep"/>, <paramref name="toStep"/>).</summary>
    public static Outage OfWorker(int worker, long fromStep, long toStep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(worker);
        return new Outage(fromStep, toStep) { Worker = worker };
    }

    /// <summary>The link <paramref name="from"/> → <paramref name="to"/> (and back, with <paramref name="bothDirections"/>) carries nothing in steps [<paramref name="fromStep"/>, <paramref name="toStep"/>).</summary>
    public static Outage OfLink(int from, int to, bool bothDirections, long fromStep, long toStep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        if (from == to)
            throw new ArgumentException($"A link joins two different workers; got {from}->{to}", nameof(to));
        return new Outage(fromStep, toStep) { From = from, To = to, BothDirections = bothDirections };
    }

    /// <summary>Whether a message <paramref name="from"/> → <paramref name="to"/> sent in <paramref name="step"/> is lost to this outage.</summary>
    public bool Silences(int from, int to, long step)
    {
        if (step < FromStep || step >= ToStep)
            return false;
        if (Worker is { } w)
            return from == w || to == w;
        return (from == From && to == To) || (BothDirections && from == To && to == From);
    }

    public override string ToString()
    {
        var what = Worker is { } w ? $"worker {w}" : $"link {From}{(BothDirections ? "--" : "->")}{To}";
        return string.Create(CultureInfo.InvariantCulture, $"{what} silent in steps {FromStep}..{ToStep}");
    }
}
