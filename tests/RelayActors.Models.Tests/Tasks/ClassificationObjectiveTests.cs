using RelayActors.Models.Data;
using RelayActors.Models.Networks;
using RelayActors.Models.Numerics;
using RelayActors.Models.Tasks;

namespace RelayActors.Models.Tests.Tasks;

public sealed class ClassificationObjectiveTests
{
    private const int Batch = 4;
    private static readonly Lazy<Dataset> Train =
        new(() => SyntheticClassification.Create(new SyntheticSettings(TrainSamples: 64, TestSamples: 10, Shape: new ImageShape(1, 28, 28), Seed: 5)).Train);

    private static (ClassificationObjective Objective, float[] Parameters) Create(ModelKind model)
    {
        var network = Network.Create(model, Train.Value.Shape, Train.Value.Classes);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, seed: 3);
        var batches = new WorkerBatches(Train.Value, [.. Enumerable.Range(0, 32)], Batch, seed: 7, worker: 1, AugmentationSettings.None);
        return (new ClassificationObjective(network, batches, seed: 7, worker: 1), parameters);
    }

    [Fact]
    public void Gradient_SameStepTwice_IsIdenticalIncludingDropout()
    {
        // VGG-small has dropout: its masks must come from (seed, worker, step), not from a stream that advances.
        var (objective, parameters) = Create(ModelKind.VggSmall);
        var first = new float[objective.Dimension];
        var again = new float[objective.Dimension];
        var next = new float[objective.Dimension];

        objective.Gradient(3, parameters, first);
        objective.Gradient(4, parameters, next);
        objective.Gradient(3, parameters, again);

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public void TakeMeanLoss_IsTheMeanBatchLossOfTheStepsSinceTheLastCall()
    {
        var (objective, parameters) = Create(ModelKind.Mlp);
        var gradient = new float[objective.Dimension];
        var workspace = objective.Network.CreateWorkspace(Batch);
        var batches = new WorkerBatches(Train.Value, [.. Enumerable.Range(0, 32)], Batch, seed: 7, worker: 1, AugmentationSettings.None);
        var inputs = new float[Batch * Train.Value.Shape.Size];
        var labels = new int[Batch];
        double Loss(long step)
        {
            batches.Fill(step, inputs, labels);
            workspace.Evaluate(parameters, inputs, labels, out var sum, out _);
            return sum / Batch;
        }

        Assert.True(double.IsNaN(objective.TakeMeanLoss()));
        objective.Gradient(0, parameters, gradient);
        objective.Gradient(9, parameters, gradient);

        Assert.Equal((Loss(0) + Loss(9)) / 2, objective.TakeMeanLoss(), 1e-5);
        Assert.True(double.IsNaN(objective.TakeMeanLoss()));
    }
}
