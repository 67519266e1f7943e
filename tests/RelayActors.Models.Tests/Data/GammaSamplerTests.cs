using RelayActors.Models.Data;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Tests.Data;

public sealed class GammaSamplerTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.5)]
    public void NextLog_ManyDraws_MeanAndVarianceEqualShape(double shape)
    {
        // Gamma(a, 1) has mean a and variance a; with 40,000 draws the standard errors are about 0.5 % (mean) and
        // 2 % (variance, small a) of a, so 5 % tolerances hold with a wide margin.
        const int draws = 40000;
        var random = new StepRandom(11, (long)(shape * 10));
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = Math.Exp(GammaSampler.NextLog(ref random, shape));
            sum += x;
            sumSquares += x * x;
        }
        var mean = sum / draws;
        var variance = sumSquares / draws - mean * mean;

        Assert.Equal(shape, mean, 0.05 * shape);
        Assert.Equal(shape, variance, 0.1 * shape);
    }

    [Fact]
    public void NextLog_ShapeOneHundredth_StaysFiniteWhereExpUnderflows()
    {
        var random = new StepRandom(5);
        var underflowed = 0;
        for (var i = 0; i < 10000; i++)
        {
            var log = GammaSampler.NextLog(ref random, 0.01);
            Assert.True(double.IsFinite(log), $"Draw {i} gave {log}.");
            if (Math.Exp(log) == 0)
                underflowed++;
        }
        // P(U^100 < e^-745) = P(U < 5.8e-4): about 6 of 10,000 draws underflow; the log keeps them usable.
        Assert.InRange(underflowed, 1, 30);
    }

    [Fact]
    public void Normalise_KnownLogs_GivesExactProportions()
    {
        var proportions = new double[2];

        Assert.True(GammaSampler.Normalise([Math.Log(1), Math.Log(3)], [true, true], proportions));

        Assert.Equal(new[] { 0.25, 0.75 }, proportions);
    }

    [Fact]
    public void Normalise_AllDrawsUnderflow_LargestLogGetsEverything()
    {
        var proportions = new double[3];

        GammaSampler.Normalise([-3000, -2000, -2800], [true, true, true], proportions); // exp(−800) is 0 in double

        Assert.Equal(new[] { 0.0, 1.0, 0.0 }, proportions);
    }

    [Fact]
    public void Normalise_LargestExcluded_RenormalisesOverTheRest()
    {
        var proportions = new double[3];

        GammaSampler.Normalise([Math.Log(2), Math.Log(100), Math.Log(6)], [true, false, true], proportions);

        Assert.Equal(0.25, proportions[0], 1e-15);
        Assert.Equal(0.0, proportions[1]);
        Assert.Equal(0.75, proportions[2], 1e-15);
    }

    [Fact]
    public void Normalise_NoneIncluded_ReturnsFalseAndZeros()
    {
        var proportions = new[] { 9.0, 9.0 };

        Assert.False(GammaSampler.Normalise([0.0, 1.0], [false, false], proportions));

        Assert.Equal(new[] { 0.0, 0.0 }, proportions);
    }
}
