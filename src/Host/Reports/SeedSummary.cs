namespace RelayActors.Host.Reports;

/// <summary>
/// Per-seed values of one table cell summarised: the mean and the sample standard deviation (n − 1 in the
/// denominator, as the paper's tables; NaN with fewer than two seeds).
/// </summary>
internal sealed record SeedSummary(double Mean, double Std, int Count)
{
    public static SeedSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            return new SeedSummary(double.NaN, double.NaN, 0);
        var mean = 0.0;
        foreach (var v in values)
            mean += v;
        mean /= values.Count;
        if (values.Count < 2)
            return new SeedSummary(mean, double.NaN, 1);
        var squares = 0.0;
        foreach (var v in values)
            squares += (v - mean) * (v - mean);
        return new SeedSummary(mean, Math.Sqrt(squares / (values.Count - 1)), values.Count);
    }
}
