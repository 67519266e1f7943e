using System.Diagnostics;

namespace RelayActors.Host.Reports;

/// <summary>
/// Paces progress lines: due at most once per interval and never in the first one, so short runs stay quiet and long
/// ones print about once a second whatever their step rate.
/// </summary>
internal sealed class ReportThrottle
{
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next;

    public ReportThrottle(TimeSpan? interval = null)
    {
        _interval = interval ?? TimeSpan.FromSeconds(1);
        _next = _interval;
    }

    /// <summary>Whether a line is due now; if so, <paramref name="elapsed"/> is the time since the throttle was made and the next line is one interval away.</summary>
    public bool Due(out TimeSpan elapsed)
    {
        elapsed = _clock.Elapsed;
        if (elapsed < _next)
            return false;
        _next = elapsed + _interval;
        return true;
    }
}
