namespace RelayActors.Benchmarks;

/// <summary>Median, min and max of repeated measurements of one quantity (higher or lower is better depending on the row).</summary>
internal sealed record Summary(double Median, double Min, double Max, IReadOnlyList<double> Samples)
{
    public static Summary Of(IReadOnlyList<double> samples)
    {
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count);
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Summary(median, sorted[0], sorted[^1], samples);
    }

    /// <summary>Nearest-rank percentile of <paramref name="values"/> (p in 0..100).</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
