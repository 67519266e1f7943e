namespace RelayActors.Models.Optim;

/// <summary>
/// η_t = η · w(t) · s(t) (spec §5.1) as a function of the step t, with the fractional epoch e = t / stepsPerEpoch:
/// linear warm-up w = min(e / warmupEpochs, 1) (so η₀ = 0 when there is a warm-up) and step decay
/// s = decayFactor^(number of milestones ≤ e). Without warm-up and milestones the rate is constant. Immutable;
/// <see cref="RateAt"/> allocates nothing.
/// </summary>
public sealed class LearningRateSchedule
{
    private readonly double[] _milestones;

    /// <summary>A schedule around the base rate <paramref name="baseRate"/>.</summary>
    /// <param name="baseRate">η ≥ 0, the rate after warm-up and before any milestone.</param>
    /// <param name="stepsPerEpoch">Steps per epoch, ≥ 1 (CIFAR-10 with 16 workers and batch 32: ⌊3125/32⌋ = 97).</param>
    /// <param name="warmupEpochs">Length of the linear warm-up from 0, in epochs, ≥ 0; 0 means none.</param>
    /// <param name="milestones">Epochs at which the rate is multiplied by <paramref name="decayFactor"/>, strictly increasing and ≥ 0.</param>
    /// <param name="decayFactor">Factor applied at each milestone, &gt; 0 (0.1 in the reference).</param>
    public LearningRateSchedule(double baseRate, int stepsPerEpoch = 1, double warmupEpochs = 0,
        IReadOnlyList<double>? milestones = null, double decayFactor = 0.1)
    {
        OptimizerGuard.RequireNonNegative(baseRate, nameof(baseRate));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepsPerEpoch);
        OptimizerGuard.RequireNonNegative(warmupEpochs, nameof(warmupEpochs));
        OptimizerGuard.RequirePositive(decayFactor, nameof(decayFactor));
        _milestones = milestones is null ? [] : [.. milestones];
        for (var k = 0; k < _milestones.Length; k++)
        {
            if (!double.IsFinite(_milestones[k]) || _milestones[k] < 0)
                throw new ArgumentOutOfRangeException(nameof(milestones), _milestones[k], $"Milestone {k} must be a finite, non-negative epoch");
            if (k > 0 && _milestones[k] <= _milestones[k - 1])
                throw new ArgumentException($"Milestones must be strictly increasing; milestone {k} is {_milestones[k]} after {_milestones[k - 1]}", nameof(milestones));
        }
        BaseRate = baseRate;
        StepsPerEpoch = stepsPerEpoch;
        WarmupEpochs = warmupEpochs;
        DecayFactor = decayFactor;
    }

    /// <summary>A schedule that is <paramref name="rate"/> at every step.</summary>
    public static LearningRateSchedule Constant(double rate) => new(rate);

    /// <summary>η, the rate after warm-up and before the first milestone.</summary>
    public double BaseRate { get; }

    public int StepsPerEpoch { get; }

    /// <summary>Warm-up length in epochs; 0 means none.</summary>
    public double WarmupEpochs { get; }

    public double DecayFactor { get; }

    /// <summary>Epochs at which the rate decays by <see cref="DecayFactor"/>, ascending.</summary>
    public ReadOnlySpan<double> Milestones => _milestones;

    /// <summary>The fractional epoch t / <see cref="StepsPerEpoch"/> at step <paramref name="step"/>.</summary>
    public double EpochAt(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return (double)step / StepsPerEpoch;
    }

    /// <summary>η_t at step <paramref name="step"/> (0-based: the rate of the first step is <c>RateAt(0)</c>).</summary>
    public double RateAt(long step)
    {
        var epoch = EpochAt(step);
        var rate = BaseRate;
        if (WarmupEpochs > 0)
            rate *= Math.Min(epoch / WarmupEpochs, 1.0);
        for (var k = 0; k < _milestones.Length && _milestones[k] <= epoch; k++)
            rate *= DecayFactor;
        return rate;
    }
}
