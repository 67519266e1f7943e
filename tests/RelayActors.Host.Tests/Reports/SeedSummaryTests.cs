using RelayActors.Actors.Training;
using RelayActors.Host.Reports;

namespace RelayActors.Host.Tests.Reports;

public sealed class SeedSummaryTests
{
    [Fact]
    public void Of_ThreeSeeds_GivesMeanAndSampleStd()
    {
        // Mean 88; deviations −1, 0, 1: sample variance (1 + 0 + 1) / 2 = 1.
        var s = SeedSummary.Of([87.0, 88.0, 89.0]);

        Assert.Equal((88.0, 1.0, 3), (s.Mean, s.Std, s.Count));
    }

    [Fact]
    public void Of_PaperRawAllReduceSeeds_MatchesHandComputation()
    {
        // Spec §6.1: all-reduce seeds 87.26, 86.86, 86.88 → mean 87.0, sample std sqrt((0.26² + 0.14² + 0.12²) / 2).
        var s = SeedSummary.Of([87.26, 86.86, 86.88]);

        Assert.Equal(87.0, s.Mean, 1e-12);
        Assert.Equal(Math.Sqrt((0.0676 + 0.0196 + 0.0144) / 2), s.Std, 1e-12);
    }

    [Fact]
    public void Of_OneSeed_HasNoStd()
    {
        var s = SeedSummary.Of([42.0]);

        Assert.Equal(42.0, s.Mean);
        Assert.True(double.IsNaN(s.Std));
    }

    [Fact]
    public void WorstWorkerOfLastTwo_AveragesEachWorkerOverTheLastTwoThenTakesTheMinimum()
    {
        // Worker 0: (0.9 + 0.7) / 2 = 0.8; worker 1: (0.6 + 0.9) / 2 = 0.75. The worst at the final evaluation alone
        // would be worker 0 (0.7); the paper's metric picks worker 1. The first evaluation does not count.
        IReadOnlyList<TrainingEvaluation> evaluations = [Evaluation(0, 0.1, 0.1), Evaluation(10, 0.9, 0.6), Evaluation(20, 0.7, 0.9)];

        Assert.Equal(0.75, PaperMetric.WorstWorkerOfLastTwo(evaluations), 1e-12);
    }

    [Fact]
    public void WorstWorkerOfLastTwo_OneEvaluation_IsItsWorstWorker()
    {
        Assert.Equal(0.4, PaperMetric.WorstWorkerOfLastTwo([Evaluation(5, 0.4, 0.8)]));
        Assert.True(double.IsNaN(PaperMetric.WorstWorkerOfLastTwo([])));
    }

    private static TrainingEvaluation Evaluation(long step, params double[] workers) =>
        new(step, step, double.NaN, workers, workers.Average(), workers.Min(), 0, 0, 0, 0, 0, TimeSpan.Zero);
}
