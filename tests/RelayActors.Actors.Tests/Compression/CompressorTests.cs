using RelayActors.Actors.Compression;
using RelayActors.Models.Numerics;
using RelayActors.Tests.Shared;

namespace RelayActors.Actors.Tests.Compression;

public sealed class CompressorTests
{
    private static readonly double[] WithTies = [1, -3, 3, 2, -3, 0, 0.5, -2];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(99)]
    public void TopK_RandomVector_KeepsExactlyTheKLargestMagnitudes(int k)
    {
        var x = Draw(100, seed: 11);
        var q = Compress(new TopKCompressor<double>(100, k / 100.0), x);

        // Oracle: sort indices by magnitude, descending, then index.
        var expected = Enumerable.Range(0, 100).OrderByDescending(i => Math.Abs(x[i])).ThenBy(i => i).Take(k).ToHashSet();
        for (var i = 0; i < x.Length; i++)
            Assert.Equal(expected.Contains(i) ? x[i] : 0, q[i]);
    }

    [Theory]
    [InlineData(0.25, new[] { 1, 2 })]            // k = 2: of the three |3|s the two lowest indices
    [InlineData(0.5, new[] { 1, 2, 3, 4 })]        // k = 4: all |3|s, then the first |2|
    [InlineData(0.625, new[] { 1, 2, 3, 4, 7 })]   // k = 5: both |2|s
    public void TopK_Ties_GoToTheLowerIndex(double fraction, int[] kept)
    {
        var q = Compress(new TopKCompressor<double>(WithTies.Length, fraction), WithTies);

        for (var i = 0; i < WithTies.Length; i++)
            Assert.Equal(kept.Contains(i) ? WithTies[i] : 0, q[i]);
    }

    [Fact]
    public void TopK_FractionOne_KeepsEverything()
    {
        var q = Compress(new TopKCompressor<double>(WithTies.Length, 1), WithTies);

        Assert.Equal(WithTies, q);
    }

    [Theory]
    [InlineData(1e-9, 10, 1)]      // at least one coordinate
    [InlineData(0.1, 30, 3)]       // 0.1·30 is a hair above 3 in double
    [InlineData(0.25, 10, 3)]      // 2.5 rounds up
    [InlineData(0.999, 10, 10)]
    [InlineData(1, 7, 7)]
    public void KeptCoordinates_RoundsTheFractionOfD(double fraction, int dimension, int expected) =>
        Assert.Equal(expected, CompressorSettings.KeptCoordinates(fraction, dimension));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)]
    public void RandomK_KeepsKDistinctCoordinatesWithTheirValues(int k)
    {
        var x = Draw(20, seed: 3, nonZero: true);
        var compressor = new RandomKCompressor<double>(20, k / 20.0);
        for (var step = 0; step < 50; step++)
        {
            var q = Compress(compressor, x, new StepRandom(1, 0, step));

            Assert.Equal(k, q.Count(v => v != 0));
            for (var i = 0; i < x.Length; i++)
                Assert.True(q[i] == 0 || q[i] == x[i], $"step {step}, coordinate {i}: {q[i]} is neither 0 nor x_i = {x[i]}");
        }
    }

    [Fact]
    public void RandomK_ManyDraws_KeepsEveryCoordinateWithProbabilityKOverD()
    {
        // Each count is Binomial(N, k/d): mean N·k/d, σ = √(N·(k/d)(1 − k/d)). Six σ is never reached by a uniform
        // draw here, while a bias towards the low indices (e.g. a broken shuffle) is off by far more.
        const int d = 10, k = 3, draws = 20000;
        var compressor = new RandomKCompressor<double>(d, (double)k / d);
        var ones = Enumerable.Repeat(1.0, d).ToArray();
        var counts = new int[d];
        var random = new StepRandom(5);
        var q = new double[d];
        for (var n = 0; n < draws; n++)
        {
            compressor.Compress(ones, q, ref random);
            for (var i = 0; i < d; i++)
                counts[i] += (int)q[i];
        }

        var p = (double)k / d;
        var sigma = Math.Sqrt(draws * p * (1 - p));
        foreach (var count in counts)
            Assert.InRange(count, (draws * p) - (6 * sigma), (draws * p) + (6 * sigma));
    }

    [Fact]
    public void RandomK_SameStream_SameCoordinates_OtherStream_Others()
    {
        var x = Draw(50, seed: 4, nonZero: true);
        var compressor = new RandomKCompressor<double>(50, 0.2);

        var first = Compress(compressor, x, new StepRandom(9, 2, 7));
        var again = Compress(compressor, x, new StepRandom(9, 2, 7));
        var other = Compress(compressor, x, new StepRandom(9, 2, 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ScaledSign_PreservesTheL1Norm()
    {
        var x = Draw(33, seed: 8);
        x[5] = 0;
        x[6] = -0.0;

        var q = Compress(new ScaledSignCompressor<double>(33), x);

        Assert.Equal(x.Sum(Math.Abs), q.Sum(Math.Abs), 1e-12);
        // One magnitude ‖x‖₁/d (summed in another order here, hence the tolerance), zeros counted as positive.
        var scale = Math.Abs(q[0]);
        Assert.Equal(x.Sum(Math.Abs) / 33, scale, 1e-15);
        for (var i = 0; i < x.Length; i++)
            Assert.Equal(x[i] < 0 ? -scale : scale, q[i]);
    }

    [Fact]
    public void ScaledSign_ZeroVector_StaysZero() =>
        Assert.All(Compress(new ScaledSignCompressor<double>(4), new double[4]), v => Assert.Equal(0, v));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public void Qsgd_EveryCoordinate_LiesOnTheLevelGridWithItsSign(int levels)
    {
        var x = Draw(25, seed: 6);
        var norm = Math.Sqrt(x.Sum(v => v * v));
        var compressor = new QsgdCompressor<double>(25, levels);
        for (var step = 0; step < 20; step++)
        {
            var q = Compress(compressor, x, new StepRandom(2, 0, step));

            for (var i = 0; i < x.Length; i++)
            {
                var level = Math.Abs(q[i]) / norm * levels;
                Assert.True(Math.Abs(level - Math.Round(level)) < 1e-9 && Math.Round(level) <= levels, $"coordinate {i}: {q[i]} is level {level} of {levels}");
                // The level is ⌊s|x_i|/‖x‖⌋ or one more.
                var floor = Math.Floor(Math.Abs(x[i]) / norm * levels);
                Assert.InRange(Math.Round(level), floor, floor + 1);
                Assert.True(q[i] == 0 || Math.Sign(q[i]) == Math.Sign(x[i]), $"coordinate {i}: {q[i]} has not the sign of {x[i]}");
            }
        }
    }

    [Fact]
    public void Qsgd_MeanOfManyDraws_IsWithinTheVarianceBoundOfX()
    {
        // Var Q(x)_i = (‖x‖/s)²·p(1 − p) ≤ (‖x‖/s)²/4, so the mean of N draws has σ ≤ ‖x‖/(2s√N) per coordinate. Six
        // times that is about 0.005 here, while rounding every level down (or to nearest) is off by up to ‖x‖/s ≈ 0.36.
        const int levels = 4, draws = 40000;
        double[] x = [0.9, -0.35, 0.6, 0.05, -0.7, 0.2, 0, 0.45];
        var norm = Math.Sqrt(x.Sum(v => v * v));
        var compressor = new QsgdCompressor<double>(x.Length, levels);
        var random = new StepRandom(17);
        var sum = new double[x.Length];
        var q = new double[x.Length];
        for (var n = 0; n < draws; n++)
        {
            compressor.Compress(x, q, ref random);
            for (var i = 0; i < x.Length; i++)
                sum[i] += q[i];
        }

        var tolerance = 6 * norm / (2 * levels * Math.Sqrt(draws));
        for (var i = 0; i < x.Length; i++)
            Assert.True(Math.Abs((sum[i] / draws) - x[i]) <= tolerance, $"coordinate {i}: mean {sum[i] / draws} vs x_i = {x[i]} (tolerance {tolerance})");
    }

    [Fact]
    public void Qsgd_ZeroVector_StaysZero() =>
        Assert.All(Compress(new QsgdCompressor<double>(4, 8), new double[4]), v => Assert.Equal(0, v));

    [Theory]
    [InlineData(CompressorKind.Identity, 1000, 4000, 8000)]
    [InlineData(CompressorKind.TopK, 1000, 100 * 8, 100 * 12)]          // k = 100 (value, index) pairs
    [InlineData(CompressorKind.RandomK, 1000, (100 * 4) + 8, (100 * 8) + 8)]   // k values and the seed
    [InlineData(CompressorKind.ScaledSign, 1000, 125 + 4, 125 + 8)]     // a bit per coordinate and the scale
    [InlineData(CompressorKind.ScaledSign, 1001, 126 + 4, 126 + 8)]
    [InlineData(CompressorKind.Qsgd, 1000, 4 + 750, 8 + 750)]           // s = 16: sign + 5 level bits
    [InlineData(CompressorKind.Qsgd, 3, 4 + 3, 8 + 3)]                  // 18 bits round up to 3 bytes
    public void EncodedBytes_FollowsTheFormula(CompressorKind kind, int dimension, long floatBytes, long doubleBytes)
    {
        var settings = new CompressorSettings { Kind = kind, Fraction = 0.1, Levels = 16 };

        Assert.Equal(floatBytes, settings.Create<float>(dimension).EncodedBytes(dimension));
        Assert.Equal(doubleBytes, settings.Create<double>(dimension).EncodedBytes(dimension));
    }

    [Theory]
    [InlineData(1, 4 + 2)]     // 1 level bit + sign: 16 bits
    [InlineData(3, 4 + 3)]     // 2 level bits + sign: 24 bits
    [InlineData(4, 4 + 4)]     // 3 level bits (⌈log2 5⌉) + sign: 32 bits
    [InlineData(255, 4 + 9)]   // 8 level bits + sign: 72 bits
    [InlineData(256, 4 + 10)]  // 9 level bits + sign: 80 bits
    public void Qsgd_EncodedBytes_UsesCeilLog2OfLevelsPlusOneBits(int levels, long expected) =>
        Assert.Equal(expected, new QsgdCompressor<float>(8, levels).EncodedBytes(8));

    [Theory]
    [InlineData(CompressorKind.TopK)]
    [InlineData(CompressorKind.RandomK)]
    [InlineData(CompressorKind.ScaledSign)]
    [InlineData(CompressorKind.Qsgd)]
    public void Compress_AfterWarmUp_AllocatesNothing(CompressorKind kind)
    {
        var compressor = new CompressorSettings { Kind = kind }.Create<float>(500);
        var x = Array.ConvertAll(Draw(500, seed: 1), v => (float)v);
        var q = new float[500];
        var random = new StepRandom(1);
        compressor.Compress(x, q, ref random);

        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            for (var n = 0; n < 10; n++)
                compressor.Compress(x, q, ref random);
        }));
    }

    [Fact]
    public void Compress_WrongLength_Throws()
    {
        var random = new StepRandom(0);

        Assert.Throws<ArgumentException>(() => new TopKCompressor<double>(4, 0.5).Compress(new double[3], new double[4], ref random));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Settings_FractionOutsideZeroOne_Throws(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompressorSettings { Fraction = fraction });

    private static double[] Compress(ICompressor<double> compressor, double[] x, StepRandom random = default)
    {
        var q = new double[x.Length];
        compressor.Compress(x, q, ref random);
        return q;
    }

    private static double[] Draw(int length, int seed, bool nonZero = false)
    {
        var random = new StepRandom(seed);
        var x = new double[length];
        for (var i = 0; i < length; i++)
            x[i] = nonZero ? (random.NextDouble() + 0.1) * (random.NextDouble() < 0.5 ? -1 : 1) : random.NextNormal();
        return x;
    }
}
