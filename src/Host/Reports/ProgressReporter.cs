using System.Globalization;
using RelayActors.Actors.Workers;

namespace RelayActors.Host.Reports;

/// <summary>
/// Progress of a long run on stderr: nothing during the first second (short runs stay quiet), then at most one line
/// per second with the step, the error and an estimate of the time left.
/// </summary>
internal sealed class ProgressReporter(TextWriter error, long steps)
{
    private readonly ReportThrottle _throttle = new();

    public void Report(QuadraticsStep step)
    {
        if (!_throttle.Due(out var now))
            return;
        var done = step.Step + 1;
        var left = TimeSpan.FromSeconds(now.TotalSeconds / done * (steps - done));
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"step {done}/{steps} ({100.0 * done / steps:F0}%): error {step.Error:E2}, about {left.TotalSeconds:F0} s left (less if the target is reached)"));
    }
}
