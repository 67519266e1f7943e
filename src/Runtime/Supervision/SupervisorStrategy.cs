namespace RelayActors.Runtime.Supervision;

/// <summary>How a parent treats a failing child.</summary>
public abstract class SupervisorStrategy
{
    /// <summary>
    /// Akka's default: stop on initialisation failures, <c>Kill</c> and death pacts; restart on anything else,
    /// without limit.
    /// </summary>
    public static SupervisorStrategy Default { get; } = new OneForOneStrategy(OneForOneStrategy.DefaultDecider);

    /// <summary>Stops any failing child (useful where a restart would hide a bug).</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>The directive for <paramref name="cause"/>.</summary>
    public abstract Directive Decide(Exception cause);

    /// <summary>
    /// Records a restart of one child at <paramref name="now"/> and says whether the retry budget allows it;
    /// false means the child is stopped instead.
    /// </summary>
    internal abstract bool RequestRestartPermission(RestartStatistics statistics, TimeSpan now);
}
