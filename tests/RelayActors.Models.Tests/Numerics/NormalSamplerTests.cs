using RelayActors.Models.Numerics;
using RelayActors.Tests.Shared;

namespace RelayActors.Models.Tests.Numerics;

public sealed class NormalSamplerTests
{
    [Fact]
    public void Next_SameSeed_GivesIdenticalSequence()
    {
        var first = new NormalSampler(new Random(7));
        var second = new NormalSampler(new Random(7));
        for (var i = 0; i < 101; i++)
            Assert.Equal(first.Next(), second.Next());
    }

    [Fact]
    public void Fill_Double_ContinuesTheSequenceOfNext()
    {
        var bySingleDraws = new NormalSampler(new Random(3));
        var expected = new double[7];
        for (var i = 0; i < expected.Length; i++)
            expected[i] = bySingleDraws.Next();

        var byFill = new NormalSampler(new Random(3));
        var actual = new double[7];
        byFill.Fill(actual.AsSpan(0, 3));
        byFill.Fill(actual.AsSpan(3));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Fill_Float_RoundsTheDoubleDraws()
    {
        var doubles = new double[5];
        new NormalSampler(new Random(11)).Fill(doubles);
        var floats = new float[5];
        new NormalSampler(new Random(11)).Fill(floats);
        for (var i = 0; i < 5; i++)
            Assert.Equal((float)doubles[i], floats[i]);
    }

    [Fact]
    public void Next_ManyDraws_HaveStandardNormalMoments()
    {
        // 200,000 draws: the standard error of the mean is 0.0022 and of the second moment 0.0032; 5σ bounds.
        const int count = 200_000;
        var sampler = new NormalSampler(new Random(42));
        double sum = 0, sumSquares = 0, sumFourth = 0;
        var withinOne = 0;
        for (var i = 0; i < count; i++)
        {
            var z = sampler.Next();
            sum += z;
            sumSquares += z * z;
            sumFourth += z * z * z * z;
            if (Math.Abs(z) <= 1)
                withinOne++;
        }
        Assert.Equal(0.0, sum / count, 0.011);
        Assert.Equal(1.0, sumSquares / count, 0.016);
        Assert.Equal(3.0, sumFourth / count, 0.1);                  // kurtosis of a normal; sd of the estimate 0.021
        Assert.Equal(0.682689, (double)withinOne / count, 0.0053);  // P(|Z| ≤ 1); sd 0.00104
    }

    [Fact]
    public void Fill_ThousandDraws_AllocatesNothing()
    {
        var sampler = new NormalSampler(new Random(1));
        var buffer = new double[1000];
        sampler.Fill(buffer);
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() => sampler.Fill(buffer)));
    }

    [Fact]
    public void Constructor_NullRandom_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new NormalSampler(null!));
    }
}
