namespace RelayActors.Actors.Workers;

/// <summary>
/// Tunes a constant learning rate the way the paper's figures do ("lr tuned per point"): a coarse geometric grid
/// η = 2^(k/2) from about 0.001 to 4, then a finer grid (factors 2^(±j/8)) around the best. A trial is better when it
/// reaches the target in fewer steps; among trials that never reach it, the lower final error wins; diverged trials
/// lose. Trials are independent, deterministic runs, so they go in parallel and the outcome does not depend on order.
/// </summary>
public static class LearningRateSearch
{
    private const int CoarseLow = -20;
    private const int CoarseHigh = 4;
    private const int FineSteps = 3;

    /// <summary>The coarse grid: 2^(k/2) for k = −20 … 4.</summary>
    public static IReadOnlyList<double> CoarseGrid()
    {
        var grid = new List<double>();
        for (var k = CoarseLow; k <= CoarseHigh; k++)
            grid.Add(Math.Pow(2, k / 2.0));
        return grid;
    }

    /// <summary>Runs the coarse then the fine grid; <paramref name="trial"/>(η) runs one learning rate.</summary>
    public static LearningRateSearchResult Run(Func<double, QuadraticsResult> trial, int parallelism, Action<QuadraticsResult>? onTrial = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        var trials = RunAll(CoarseGrid(), trial, parallelism, onTrial);
        var best = Best(trials);
        var fine = new List<double>();
        for (var j = -FineSteps; j <= FineSteps; j++)
            if (j != 0)
                fine.Add(best.LearningRate * Math.Pow(2, j / 8.0));
        trials.AddRange(RunAll(fine, trial, parallelism, onTrial));
        trials.Sort((a, b) => a.LearningRate.CompareTo(b.LearningRate));
        return new LearningRateSearchResult(Best(trials), trials);
    }

    /// <summary>The better of all trials by the rule in the summary; ties go to the smaller learning rate.</summary>
    public static QuadraticsResult Best(IReadOnlyList<QuadraticsResult> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0)
            throw new ArgumentException("No trials to choose from", nameof(trials));
        var best = trials[0];
        foreach (var candidate in trials)
            if (Compare(candidate, best) < 0)
                best = candidate;
        return best;
    }

    private static int Compare(QuadraticsResult a, QuadraticsResult b)
    {
        var byDivergence = a.Diverged.CompareTo(b.Diverged);
        if (byDivergence != 0)
            return byDivergence;
        var bySteps = (a.StepsToTarget ?? long.MaxValue).CompareTo(b.StepsToTarget ?? long.MaxValue);
        if (bySteps != 0)
            return bySteps;
        var byError = (a.StepsToTarget is null ? a.FinalError : 0).CompareTo(b.StepsToTarget is null ? b.FinalError : 0);
        return byError != 0 ? byError : a.LearningRate.CompareTo(b.LearningRate);
    }

    private static List<QuadraticsResult> RunAll(IReadOnlyList<double> rates, Func<double, QuadraticsResult> trial, int parallelism, Action<QuadraticsResult>? onTrial)
    {
        var results = new QuadraticsResult[rates.Count];
        var gate = new Lock();
        Parallel.For(0, rates.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            results[i] = trial(rates[i]);
            if (onTrial is not null)
                lock (gate)
                    onTrial(results[i]);
        });
        return [.. results];
    }
}
