using System.Globalization;

namespace RelayActors.Host.Reports;

/// <summary>
/// Progress of a training run on stderr: a bar with the step, the epoch and the time left, at most once per second
/// (nothing in the first second), plus a line per evaluation.
/// </summary>
internal sealed class TrainingProgress(TextWriter error, string label, long steps, long firstStep, int stepsPerEpoch)
{
    private const int BarWidth = 24;
    private readonly ReportThrottle _throttle = new();

    /// <summary>Called once every worker finished step <paramref name="step"/> (0-based).</summary>
    public void Step(long step)
    {
        if (!_throttle.Due(out var now))
            return;
        var done = step + 1;
        var fraction = (double)done / steps;
        var filled = (int)(fraction * BarWidth);
        var rate = (done - firstStep) / now.TotalSeconds;
        var left = rate > 0 ? TimeSpan.FromSeconds((steps - done) / rate) : TimeSpan.Zero;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] step {done}/{steps} epoch {(double)done / stepsPerEpoch:F2}, {rate:F1} steps/s, about {left.TotalSeconds:F0} s left"));
    }

    public void Evaluated(Actors.Training.TrainingEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} epoch {e.Epoch:F2}: worst worker {100 * e.WorstAccuracy:F1}%, mean {100 * e.MeanAccuracy:F1}%, averaged model {100 * e.AverageModelAccuracy:F1}%, train loss {(double.IsNaN(e.TrainLoss) ? "n/a" : e.TrainLoss.ToString("F3", CultureInfo.InvariantCulture))}, consensus distance {e.ConsensusDistance:G3}"));
    }
}
