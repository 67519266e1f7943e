using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Supervision;

/// <summary>
/// Applies the decider's directive to the failing child only. Restarts are budgeted: at most
/// <see cref="MaxNrOfRetries"/> within <see cref="WithinTimeRange"/> (on the system's clock, virtual or real),
/// after which the child is stopped.
/// </summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    /// <param name="maxNrOfRetries">Restarts allowed in the window; -1 means unlimited, 0 means stop at the first failure.</param>
    /// <param name="withinTimeRange">Length of the window; <see cref="Timeout.InfiniteTimeSpan"/> counts restarts over the actor's whole life.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (maxNrOfRetries < -1)
            throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), maxNrOfRetries, "Must be -1 (unlimited) or at least 0");
        if (withinTimeRange <= TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), withinTimeRange, "Must be positive or Timeout.InfiniteTimeSpan");
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        _decider = decider;
    }

    /// <summary>Unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    public int MaxNrOfRetries { get; }

    public TimeSpan WithinTimeRange { get; }

    /// <summary>Stop on <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>; restart otherwise.</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    public override Directive Decide(Exception cause) => _decider(cause);

    internal override bool RequestRestartPermission(RestartStatistics statistics, TimeSpan now)
    {
        if (MaxNrOfRetries < 0)
            return true;
        if (MaxNrOfRetries == 0)
            return false;
        if (WithinTimeRange == Timeout.InfiniteTimeSpan)
            return ++statistics.Count <= MaxNrOfRetries;
        if (statistics.WindowStart is not { } start || now - start > WithinTimeRange)
        {
            statistics.WindowStart = now;
            statistics.Count = 1;
            return true;
        }
        return ++statistics.Count <= MaxNrOfRetries;
    }
}

/// <summary>Restarts of one child counted for the retry budget; owned by the parent's cell.</summary>
internal sealed class RestartStatistics
{
    public int Count { get; set; }

    public TimeSpan? WindowStart { get; set; }
}
