namespace RelayActors.Benchmarks;

/// <summary>
/// A subject measured in alternation with the baseline (baseline, subject, baseline, subject, …), so slow drift
/// of a shared machine hits both alike. <see cref="Ratio"/> is the median of the per-pair ratios.
/// </summary>
internal sealed record Paired(Summary Subject, Summary Baseline, Summary Ratio)
{
    public static Paired Measure(int warmups, int repetitions, Func<double> baseline, Func<double> subject)
    {
        for (var i = 0; i < warmups; i++)
        {
            baseline();
            subject();
        }
        var subjects = new double[repetitions];
        var baselines = new double[repetitions];
        var ratios = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            Benchmarks.Measure.CleanHeap();
            baselines[i] = baseline();
            Benchmarks.Measure.CleanHeap();
            subjects[i] = subject();
            ratios[i] = subjects[i] / baselines[i];
        }
        return new Paired(Summary.Of(subjects), Summary.Of(baselines), Summary.Of(ratios));
    }

    /// <summary>"48 % (41–55)": median ratio with its range.</summary>
    public string RatioText => MarkdownTable.PercentRange(Ratio);
}
