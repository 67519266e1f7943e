using RelayActors.Models.Data;
using RelayActors.Models.Networks;
using RelayActors.Models.Numerics;
using RelayActors.Models.Tests.Layers;
using RelayActors.Tests.Shared;

namespace RelayActors.Models.Tests.Networks;

public sealed class NetworkWorkspaceTests
{
    private const int Classes = 5;
    private const int Batch = 3;

    public static TheoryData<ModelKind, int, int> SmallModels => new()
    {
        { ModelKind.LogisticRegression, 2, 3 },
        { ModelKind.Mlp, 1, 6 },
        { ModelKind.LeNet, 1, 12 },
        { ModelKind.VggSmall, 2, 8 },
    };

    [Theory]
    [InlineData(ModelKind.LogisticRegression, 2, 3, 3, 8)]
    [InlineData(ModelKind.Mlp, 1, 6, 3, 8)]
    [InlineData(ModelKind.LeNet, 1, 12, 3, 8)]
    // VggSmall's 128-channel convolutions make each loss evaluation costly while the GEMM is the naive reference.
    [InlineData(ModelKind.VggSmall, 2, 8, 2, 2)]
    public void Gradient_EveryTensor_MatchesFiniteDifferencesOfTheLoss(ModelKind kind, int channels, int size, int batch, int perTensor)
    {
        // Loss in float32 (forward only), central differences with ε = 1e-3 on a few seeded coordinates of every
        // tensor, tolerance 2e-3·(1 + |g|): float32 rounding of a loss ≈ 1.6 contributes ≈ 1e-4 over 2ε. A step of
        // ε = 1e-2 was tried and moved ReLU decisions of these small models (errors ≈ 5e-3); 1e-3 moves none here.
        // Dropout (VggSmall) replays the same masks in every evaluation from a copy of one StepRandom.
        var (network, parameters, inputs, labels) = Setup(kind, channels, size, batch);
        var workspace = network.CreateWorkspace(batch);
        var masks = new StepRandom(3, 1, 4);
        var gradient = new float[network.ParameterCount];
        Array.Fill(gradient, float.NaN);
        var random = masks;
        workspace.Gradient(parameters, inputs, labels, gradient, ref random);

        double Loss()
        {
            var replay = masks;
            return workspace.TrainingLoss(parameters, inputs, labels, ref replay);
        }
        var picker = new StepRandom(11);
        foreach (var slice in network.Layout.Slices)
        {
            var sampled = new float[parameters.Length];
            Array.Fill(sampled, float.NaN);
            for (var c = 0; c < Math.Min(perTensor, slice.Length); c++)
            {
                var i = slice.Offset + picker.NextInt(slice.Length);
                sampled[i] = gradient[i];
            }
            var coordinates = Enumerable.Range(0, parameters.Length).Where(i => !float.IsNaN(sampled[i])).ToArray();
            var values = coordinates.Select(i => parameters[i]).ToArray();
            var analytic = coordinates.Select(i => gradient[i]).ToArray();
            double Restricted()
            {
                for (var j = 0; j < coordinates.Length; j++)
                    parameters[coordinates[j]] = values[j];
                return Loss();
            }
            LayerGradientCheck.AssertCoordinates($"{kind} {slice.Name}", values, analytic, Restricted, 1e-3, 2e-3);
            Restricted();
        }
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
    }

    [Theory]
    [MemberData(nameof(SmallModels))]
    public void Gradient_AfterWarmUp_AllocatesNothing(ModelKind kind, int channels, int size)
    {
        var (network, parameters, inputs, labels) = Setup(kind, channels, size);
        var workspace = network.CreateWorkspace(Batch);
        var gradient = new float[network.ParameterCount];
        var random = new StepRandom(1);
        workspace.Gradient(parameters, inputs, labels, gradient, ref random);
        workspace.Evaluate(parameters, inputs, labels, out _, out _);
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            workspace.Gradient(parameters, inputs, labels, gradient, ref random);
            workspace.Evaluate(parameters, inputs, labels, out _, out _);
        }));
    }

    [Fact]
    public void Gradient_SameGenerator_IsBitwiseReproducible()
    {
        var (network, parameters, inputs, labels) = Setup(ModelKind.VggSmall, 2, 8);
        var workspace = network.CreateWorkspace(Batch);
        var (first, second) = (new float[network.ParameterCount], new float[network.ParameterCount]);
        var random = new StepRandom(9, 2);
        var lossFirst = workspace.Gradient(parameters, inputs, labels, first, ref random);
        random = new StepRandom(9, 2);
        var lossSecond = network.CreateWorkspace(Batch).Gradient(parameters, inputs, labels, second, ref random);
        Assert.Equal(lossFirst, lossSecond);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Gradient_LabelOutOfRange_ThrowsNamingTheIndex()
    {
        var (network, parameters, inputs, _) = Setup(ModelKind.LogisticRegression, 2, 3);
        var random = new StepRandom(1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => network.CreateWorkspace(Batch).Gradient(parameters, inputs, [0, Classes, 1], new float[network.ParameterCount], ref random));
        Assert.Contains("index 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gradient_BatchAboveMaxBatch_Throws()
    {
        var (network, parameters, inputs, labels) = Setup(ModelKind.LogisticRegression, 2, 3);
        var random = new StepRandom(1);
        Assert.Throws<ArgumentOutOfRangeException>(
            () => network.CreateWorkspace(Batch - 1).Gradient(parameters, inputs, labels, new float[network.ParameterCount], ref random));
    }

    [Fact]
    public void Evaluate_HandMadeCase_SumsLossAndCountsCorrectAcrossChunks()
    {
        // Logistic regression on 2 features with W = I, b = 0, so the logits are the inputs. Samples (label):
        // [3, 1] (0) right, loss log(1 + e⁻²); [0, 2] (1) right, loss log(1 + e⁻²); [5, 4] (1) wrong, loss log(1 + e).
        // MaxBatch 2 splits them into chunks of 2 and 1.
        var network = Network.Create(ModelKind.LogisticRegression, new ImageShape(2, 1, 1), 2);
        float[] parameters = [1, 0, 0, 1, 0, 0];
        network.CreateWorkspace(2).Evaluate(parameters, [3, 1, 0, 2, 5, 4], [0, 1, 1], out var lossSum, out var correct);
        Assert.Equal(2, correct);
        Assert.Equal((2 * Math.Log(1 + Math.Exp(-2))) + Math.Log(1 + Math.E), lossSum, 1e-6);
    }

    [Fact]
    public void Evaluate_NetworkWithoutDropout_AgreesWithTrainingLoss()
    {
        var (network, parameters, inputs, labels) = Setup(ModelKind.LeNet, 1, 12);
        var workspace = network.CreateWorkspace(Batch);
        var random = new StepRandom(1);
        var mean = workspace.Gradient(parameters, inputs, labels, new float[network.ParameterCount], ref random);
        workspace.Evaluate(parameters, inputs, labels, out var lossSum, out _);
        Assert.Equal(mean, lossSum / Batch, 1e-6);
    }

    [Fact]
    public void Gradient_PlainSgdOnSeparableToyProblem_DrivesLossDown()
    {
        // Two Gaussian blobs (σ = 0.5) at (1, 1) and (−1, −1), 32 points each; full-batch SGD, η = 0.5, 100 steps.
        const int samples = 64;
        var network = Network.Create(ModelKind.LogisticRegression, new ImageShape(2, 1, 1), 2);
        var (inputs, labels) = (new float[2 * samples], new int[samples]);
        var data = new StepRandom(21);
        for (var s = 0; s < samples; s++)
        {
            labels[s] = s % 2;
            var centre = labels[s] == 0 ? 1.0 : -1.0;
            inputs[2 * s] = (float)(centre + (0.5 * data.NextNormal()));
            inputs[(2 * s) + 1] = (float)(centre + (0.5 * data.NextNormal()));
        }
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, 3);
        var gradient = new float[network.ParameterCount];
        var workspace = network.CreateWorkspace(samples);
        var random = new StepRandom(1);
        var initial = workspace.Gradient(parameters, inputs, labels, gradient, ref random);
        for (var step = 0; step < 100; step++)
        {
            workspace.Gradient(parameters, inputs, labels, gradient, ref random);
            VectorMath.MultiplyAdd<float>(gradient, -0.5f, parameters, parameters);
        }
        workspace.Evaluate(parameters, inputs, labels, out var lossSum, out var correct);
        Assert.True(lossSum / samples < 0.2 * initial, $"loss {lossSum / samples} from {initial}");
        Assert.True(correct >= 62, $"{correct} of {samples} correct");
    }

    private static (Network Network, float[] Parameters, float[] Inputs, int[] Labels) Setup(ModelKind kind, int channels, int size, int batch = Batch)
    {
        var network = Network.Create(kind, new ImageShape(channels, size, size), Classes);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, 5);
        var inputs = LayerGradientCheck.RandomValues(batch * network.Input.Size, 6, 1.0);
        int[] labels = [4, 0, 2];
        return (network, parameters, inputs, labels[..batch]);
    }
}
