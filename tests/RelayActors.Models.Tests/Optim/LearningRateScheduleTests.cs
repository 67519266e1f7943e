using RelayActors.Models.Optim;

namespace RelayActors.Models.Tests.Optim;

public sealed class LearningRateScheduleTests
{
    /// <summary>The CIFAR-10 schedule of spec §5.1: 97 steps per epoch, 5 warm-up epochs, ×0.1 at epochs 150 and 180.</summary>
    private static readonly LearningRateSchedule Cifar = new(0.1, stepsPerEpoch: 97, warmupEpochs: 5, milestones: [150, 180], decayFactor: 0.1);

    [Fact]
    public void RateAt_StepZeroWithWarmUp_IsZero()
    {
        Assert.Equal(0.0, Cifar.RateAt(0));   // F8
    }

    [Fact]
    public void RateAt_HalfTheWarmUp_IsHalfTheBaseRate()
    {
        var schedule = new LearningRateSchedule(0.8, stepsPerEpoch: 10, warmupEpochs: 4);
        Assert.Equal(0.4, schedule.RateAt(20));
    }

    [Fact]
    public void RateAt_DuringWarmUp_IsLinearInTheFractionalEpoch()
    {
        // 5 epochs × 97 steps: η_t = 0.1·t/485 for t ≤ 485, then 0.1.
        for (var step = 0; step <= 485; step++)
            Assert.Equal(0.1 * step / 485, Cifar.RateAt(step), 1e-16);
        Assert.Equal(0.1, Cifar.RateAt(486));
    }

    [Fact]
    public void RateAt_AroundMilestones_DecaysByTheFactorAtEach()
    {
        Assert.Equal(0.1, Cifar.RateAt((150 * 97) - 1));
        Assert.Equal(0.01, Cifar.RateAt(150 * 97), 1e-17);
        Assert.Equal(0.01, Cifar.RateAt((180 * 97) - 1), 1e-17);
        Assert.Equal(0.001, Cifar.RateAt(180 * 97), 1e-17);
    }

    [Fact]
    public void RateAt_AfterEpoch180_IsOneHundredthOfTheBaseRate()
    {
        // F8: factor 0.01 after epoch 180 (two decays by 0.1).
        Assert.Equal(0.01, Cifar.RateAt(200 * 97) / Cifar.BaseRate, 1e-15);
    }

    [Fact]
    public void RateAt_ConstantSchedule_IsTheRateAtEveryStep()
    {
        var schedule = LearningRateSchedule.Constant(0.3);
        Assert.Equal(0.3, schedule.RateAt(0));
        Assert.Equal(0.3, schedule.RateAt(1_000_000));
    }

    [Fact]
    public void EpochAt_IsFractional()
    {
        Assert.Equal(2.5, new LearningRateSchedule(1, stepsPerEpoch: 4).EpochAt(10));
    }

    [Fact]
    public void RateAt_NegativeStep_Throws()
    {
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => Cifar.RateAt(-1)).ParamName);
    }

    [Fact]
    public void Constructor_UnorderedMilestones_ThrowsNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LearningRateSchedule(0.1, milestones: [180, 150]));
        Assert.Equal("milestones", ex.ParamName);
        Assert.Contains("milestone 1 is 150 after 180", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, 1, 0.0, 0.1, "baseRate")]
    [InlineData(0.1, 0, 0.0, 0.1, "stepsPerEpoch")]
    [InlineData(0.1, 1, -1.0, 0.1, "warmupEpochs")]
    [InlineData(0.1, 1, 0.0, 0.0, "decayFactor")]
    public void Constructor_BadValue_ThrowsNamingIt(double rate, int stepsPerEpoch, double warmupEpochs, double decayFactor, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateSchedule(rate, stepsPerEpoch, warmupEpochs, null, decayFactor));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Constructor_NegativeMilestone_Throws()
    {
        Assert.Equal("milestones", Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateSchedule(0.1, milestones: [-1])).ParamName);
    }
}
