using RelayActors.Models.Numerics;
using RelayActors.Models.Optim;

namespace RelayActors.Models.Tests.Optim;

/// <summary>An optimizer restored from a checkpoint continues exactly as the one that wrote it.</summary>
public sealed class OptimizerCheckpointTests
{
    private const int Length = 23;

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void ReadState_IntoFreshOptimizer_ContinuesBitIdentically(OptimizerKind kind)
    {
        var original = Create(kind);
        var sampler = new NormalSampler(new Random(5));
        var x = new double[Length];
        sampler.Fill(x);
        Steps(original, x, new Random(6), 4);

        var restored = Create(kind);
        restored.ReadState(Reader(Save(original)));
        var y = (double[])x.Clone();
        Steps(original, x, new Random(7), 4);
        Steps(restored, y, new Random(7), 4);

        Assert.True(x.AsSpan().SequenceEqual(y), $"{kind}: restored trajectory differs");
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void ReadState_Skipped_ContinuesDifferently(OptimizerKind kind)
    {
        // Guards the test above: the state saved here really changes the next steps.
        var warm = Create(kind);
        var x = new double[Length];
        Steps(warm, x, new Random(6), 4);
        var y = (double[])x.Clone();

        Steps(warm, x, new Random(7), 1);
        Steps(Create(kind), y, new Random(7), 1);

        Assert.False(x.AsSpan().SequenceEqual(y));
    }

    [Fact]
    public void ReadState_SgdStateIntoAdam_ThrowsNamingBothTypes()
    {
        var adam = Create(OptimizerKind.Adam);

        var error = Assert.Throws<InvalidDataException>(() => adam.ReadState(Reader(Save(Create(OptimizerKind.Sgd)))));

        Assert.Contains("'AdamOptimizer<Double>'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'SgdOptimizer<Double>'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadState_OtherParameterCount_ThrowsNamingBothLengths()
    {
        var small = new SgdOptimizer<double>(3, 0.9, false, 0);

        var error = Assert.Throws<InvalidDataException>(() => small.ReadState(Reader(Save(Create(OptimizerKind.Sgd)))));

        Assert.Equal($"State of '_momentumBuffer' holds {Length} values, but 3 were expected", error.Message);
    }

    private static ILocalOptimizer<double> Create(OptimizerKind kind) =>
        new OptimizerSettings(kind, Momentum: 0.9, Nesterov: true, WeightDecay: 1e-2).Create<double>(Length);

    private static void Steps(ILocalOptimizer<double> optimizer, double[] x, Random random, int steps)
    {
        var sampler = new NormalSampler(random);
        var gradient = new double[Length];
        for (var t = 0; t < steps; t++)
        {
            sampler.Fill(gradient);
            optimizer.Step(x, gradient, 0.1);
        }
    }

    private static byte[] Save(ILocalOptimizer<double> optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            optimizer.WriteState(writer);
        return stream.ToArray();
    }

    private static BinaryReader Reader(byte[] state) => new(new MemoryStream(state));
}
