using RelayActors.Actors.Training;

namespace RelayActors.Host.Reports;

/// <summary>
/// The accuracy the paper's tables report for one run (spec §5.1, "Reported metric"): per worker, the mean of its
/// test accuracy over the last two evaluations (epochs 196 and 200 of 200 there), then the minimum over workers.
/// </summary>
internal static class PaperMetric
{
    /// <summary>The metric of a run's evaluations in step order; NaN without any. One evaluation counts alone.</summary>
    public static double WorstWorkerOfLastTwo(IReadOnlyList<TrainingEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        if (evaluations.Count == 0)
            return double.NaN;
        var last = evaluations[^1].WorkerAccuracy;
        var before = evaluations.Count > 1 ? evaluations[^2].WorkerAccuracy : last;
        var worst = double.PositiveInfinity;
        for (var w = 0; w < last.Count; w++)
            worst = Math.Min(worst, (last[w] + before[w]) / 2);
        return worst;
    }
}
