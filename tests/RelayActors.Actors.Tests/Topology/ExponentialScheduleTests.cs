using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Topology;

public sealed class ExponentialScheduleTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 3)]
    [InlineData(8, 3)]
    [InlineData(9, 4)]
    [InlineData(16, 4)]
    [InlineData(17, 5)]
    public void Period_N_IsFloorLog2OfNMinusOnePlusOne(int n, int period)
    {
        Assert.Equal(period, new ExponentialSchedule(n).Period);
    }

    [Fact]
    public void Shift_Sixteen_CyclesOneTwoFourEight()
    {
        var schedule = new ExponentialSchedule(16);
        int[] expected = [1, 2, 4, 8, 1, 2, 4, 8, 1];
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(r => schedule.Shift(r)));
    }

    [Fact]
    public void SendToAndReceiveFrom_Sixteen_WrapAround()
    {
        var schedule = new ExponentialSchedule(16);
        Assert.Equal(1, schedule.SendTo(0, 0));
        Assert.Equal(15, schedule.ReceiveFrom(0, 0));
        Assert.Equal(3, schedule.SendTo(11, 3));
        Assert.Equal(3, schedule.ReceiveFrom(11, 7));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(16)]
    public void SendTo_EveryRound_IsAPermutationInvertedByReceiveFrom(int n)
    {
        var schedule = new ExponentialSchedule(n);
        for (var round = 0; round < 2 * schedule.Period; round++)
        {
            var targets = Enumerable.Range(0, n).Select(i => schedule.SendTo(i, round)).ToArray();
            Assert.Equal(Enumerable.Range(0, n), targets.Order());
            for (var i = 0; i < n; i++)
            {
                Assert.NotEqual(i, targets[i]);
                Assert.Equal(i, schedule.ReceiveFrom(targets[i], round));
            }
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Averaging_PeriodRoundsOnPowerOfTwo_GivesEveryWorkerTheExactMean(int n)
    {
        var schedule = new ExponentialSchedule(n);
        var x = Enumerable.Range(0, n).Select(i => (float)i).ToArray();
        var mean = (n - 1) / 2f;

        for (var round = 0; round < schedule.Period; round++)
            x = [.. Enumerable.Range(0, n).Select(i => (x[i] + x[schedule.ReceiveFrom(i, round)]) / 2)];

        Assert.All(x, v => Assert.Equal(mean, v)); // exact: dyadic averages of small integers
    }

    [Fact]
    public void Averaging_OnePeriodOnTwelve_IsNotYetExact()
    {
        // Not a power of two: the shifts 1, 2, 4, 8 reach every worker but with unequal weights.
        var schedule = new ExponentialSchedule(12);
        var x = Enumerable.Range(0, 12).Select(i => (double)i).ToArray();
        for (var round = 0; round < schedule.Period; round++)
            x = [.. Enumerable.Range(0, 12).Select(i => (x[i] + x[schedule.ReceiveFrom(i, round)]) / 2)];
        Assert.Contains(x, v => v != 5.5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Constructor_FewerThanTwoWorkers_Throws(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSchedule(n));
        Assert.Contains("at least 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendTo_WorkerOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSchedule(4).SendTo(4, 0));
    }
}
