namespace RelayActors.Actors.Relay;

/// <summary>
/// Every worker's state after one round: <see cref="Estimates"/>[i] is worker i's estimate of the mean,
/// <see cref="Counts"/>[i] its count (0 for gossip), <see cref="MaxAbsError"/> = max_i,c |estimate − exact mean|.
/// Record equality compares the lists by reference; compare contents element-wise.
/// </summary>
public sealed record ConsensusRound(int Round, IReadOnlyList<float[]> Estimates, IReadOnlyList<int> Counts, double MaxAbsError)
{
    /// <summary>Builds a round, computing the error against <paramref name="exactMean"/> in double precision.</summary>
    public static ConsensusRound Create(int round, IReadOnlyList<float[]> estimates, IReadOnlyList<int> counts, IReadOnlyList<double> exactMean)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(counts);
        return new ConsensusRound(round, estimates, counts, MaxAbsErrorOf(estimates, exactMean));
    }

    /// <summary>The exact (double) mean of the workers' starting values, per coordinate.</summary>
    public static double[] ExactMean(IReadOnlyList<float[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("No values to average", nameof(values));
        var mean = new double[values[0].Length];
        foreach (var value in values)
        {
            if (value.Length != mean.Length)
                throw new ArgumentException($"Values have different lengths ({value.Length} and {mean.Length})", nameof(values));
            for (var c = 0; c < mean.Length; c++)
                mean[c] += value[c];
        }
        for (var c = 0; c < mean.Length; c++)
            mean[c] /= values.Count;
        return mean;
    }

    /// <summary>max over workers and coordinates of |estimate − mean|.</summary>
    public static double MaxAbsErrorOf(IReadOnlyList<float[]> estimates, IReadOnlyList<double> exactMean)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(exactMean);
        var max = 0.0;
        foreach (var estimate in estimates)
            for (var c = 0; c < estimate.Length; c++)
                max = Math.Max(max, Math.Abs(estimate[c] - exactMean[c]));
        return max;
    }
}
