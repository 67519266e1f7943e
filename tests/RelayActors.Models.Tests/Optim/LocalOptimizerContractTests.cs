using RelayActors.Models.Numerics;
using RelayActors.Models.Optim;
using RelayActors.Tests.Shared;

namespace RelayActors.Models.Tests.Optim;

/// <summary>Behaviour every <see cref="ILocalOptimizer{T}"/> shares (stepping, and checkpoints that resume exactly), run for both kinds with all their terms switched on.</summary>
public sealed class LocalOptimizerContractTests
{
    private const int Length = 37;

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void ComputeUpdate_AddedToParameters_EqualsStepExactly(OptimizerKind kind)
    {
        var stepping = Create<double>(kind);
        var updating = Create<double>(kind);
        var sampler = new NormalSampler(new Random(1));
        var x = new double[Length];
        sampler.Fill(x);
        var y = (double[])x.Clone();
        var gradient = new double[Length];
        var update = new double[Length];
        for (var t = 0; t < 4; t++)
        {
            sampler.Fill(gradient);
            var before = (double[])x.Clone();
            stepping.Step(x, gradient, 0.05);
            updating.ComputeUpdate(y, gradient, 0.05, update);
            for (var k = 0; k < Length; k++)
                Assert.Equal(x[k] - before[k], update[k], 1e-15);
            VectorMath.Add<double>(y, update, y);
            Assert.Equal(x, y);
        }
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void ComputeUpdate_UpdateAliasesGradient_GivesTheSameUpdate(OptimizerKind kind)
    {
        var separate = Create<double>(kind);
        var aliased = Create<double>(kind);
        var sampler = new NormalSampler(new Random(2));
        var x = new double[Length];
        sampler.Fill(x);
        var gradient = new double[Length];
        var update = new double[Length];
        for (var t = 0; t < 3; t++)
        {
            sampler.Fill(gradient);
            separate.ComputeUpdate(x, gradient, 0.05, update);
            aliased.ComputeUpdate(x, gradient, 0.05, gradient);
            Assert.Equal(update, gradient);
        }
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void Step_AfterWarmUp_AllocatesNothing(OptimizerKind kind)
    {
        var optimizer = Create<float>(kind);
        var x = new float[Length];
        var gradient = new float[Length];
        var update = new float[Length];
        new NormalSampler(new Random(3)).Fill(gradient);
        optimizer.Step(x, gradient, 0.1f);
        optimizer.ComputeUpdate(x, gradient, 0.1f, update);
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            for (var t = 0; t < 10; t++)
            {
                optimizer.Step(x, gradient, 0.1f);
                optimizer.ComputeUpdate(x, gradient, 0.1f, update);
            }
        }));
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void Reset_AfterSteps_RepeatsTheFirstTrajectory(OptimizerKind kind)
    {
        var optimizer = Create<double>(kind);
        var first = Run(optimizer);
        optimizer.Reset();
        Assert.Equal(first, Run(optimizer));
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void Step_ZeroLearningRate_LeavesParametersUnchanged(OptimizerKind kind)
    {
        double[] x = [1, 2, 3];
        Create<double>(kind, parameterCount: 3).Step(x, [4, 5, 6], 0);
        Assert.Equal([1.0, 2, 3], x);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void Step_WrongLengthOrRate_ThrowsNamingTheArgument(OptimizerKind kind)
    {
        var optimizer = Create<double>(kind, parameterCount: 3);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => optimizer.Step(new double[2], new double[3], 0.1)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => optimizer.Step(new double[3], new double[4], 0.1)).ParamName);
        Assert.Equal("update", Assert.Throws<ArgumentException>(() => optimizer.ComputeUpdate(new double[3], new double[3], 0.1, new double[1])).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.Step(new double[3], new double[3], -0.1)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.Step(new double[3], new double[3], double.NaN)).ParamName);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void ReadState_IntoFreshOptimizer_ContinuesBitIdentically(OptimizerKind kind)
    {
        var original = Create<double>(kind);
        var x = new double[Length];
        new NormalSampler(new Random(5)).Fill(x);
        Steps(original, x, seed: 6, steps: 4);

        var restored = Create<double>(kind);
        restored.ReadState(Reader(Save(original)));
        var y = (double[])x.Clone();
        Steps(original, x, seed: 7, steps: 4);
        Steps(restored, y, seed: 7, steps: 4);

        Assert.True(x.AsSpan().SequenceEqual(y), $"{kind}: the restored trajectory differs");
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void ReadState_Skipped_ContinuesDifferently(OptimizerKind kind)
    {
        // Guards the test above: the saved state really changes the next step.
        var warm = Create<double>(kind);
        var x = new double[Length];
        Steps(warm, x, seed: 6, steps: 4);
        var y = (double[])x.Clone();

        Steps(warm, x, seed: 7, steps: 1);
        Steps(Create<double>(kind), y, seed: 7, steps: 1);

        Assert.False(x.AsSpan().SequenceEqual(y));
    }

    [Fact]
    public void ReadState_SgdStateIntoAdam_ThrowsNamingBothTypes()
    {
        var adam = Create<double>(OptimizerKind.Adam);

        var error = Assert.Throws<InvalidDataException>(() => adam.ReadState(Reader(Save(Create<double>(OptimizerKind.Sgd)))));

        Assert.Equal("Expected state section 'AdamOptimizer<Double>', found 'SgdOptimizer<Double>': the state was written by another type or algorithm", error.Message);
    }

    [Fact]
    public void ReadState_OtherParameterCount_ThrowsNamingBothLengths()
    {
        var small = Create<double>(OptimizerKind.Sgd, parameterCount: 3);

        var error = Assert.Throws<InvalidDataException>(() => small.ReadState(Reader(Save(Create<double>(OptimizerKind.Sgd)))));

        Assert.Equal($"State of '_momentumBuffer' holds {Length} values, but 3 were expected", error.Message);
    }

    private static ILocalOptimizer<T> Create<T>(OptimizerKind kind, int parameterCount = Length)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        new OptimizerSettings(kind, Momentum: 0.9, Nesterov: true, WeightDecay: 1e-2).Create<T>(parameterCount);

    private static void Steps(ILocalOptimizer<double> optimizer, double[] x, int seed, int steps)
    {
        var sampler = new NormalSampler(new Random(seed));
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

    private static double[] Run(ILocalOptimizer<double> optimizer)
    {
        var x = new double[Length];
        Steps(optimizer, x, seed: 4, steps: 3);
        return x;
    }
}
