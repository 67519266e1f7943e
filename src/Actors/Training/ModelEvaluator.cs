using RelayActors.Models.Data;
using RelayActors.Models.Networks;

namespace RelayActors.Actors.Training;

/// <summary>
/// Test accuracy and loss of several parameter vectors of one network, evaluated in parallel (one model per core
/// at a time, each with its own workspace). Results do not depend on the degree of parallelism: each model's
/// totals are summed over the same chunks in the same order.
/// </summary>
internal sealed class ModelEvaluator(Models.Networks.Network network, Dataset test, int maxDegree)
{
    /// <summary>Samples per forward pass.</summary>
    private const int ChunkSize = 250;

    /// <summary>(accuracy, mean loss) of each of <paramref name="models"/>.</summary>
    public (double Accuracy, double Loss)[] Evaluate(IReadOnlyList<float[]> models)
    {
        var results = new (double, double)[models.Count];
        if (test.Count == 0)
            throw new InvalidOperationException("The evaluation set is empty");
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegree) };
        Parallel.For(0, models.Count, options, () => network.CreateWorkspace(Math.Min(ChunkSize, test.Count)), (m, _, workspace) =>
        {
            workspace.Evaluate(models[m], test.Images, test.Labels, out var lossSum, out var correct);
            results[m] = ((double)correct / test.Count, lossSum / test.Count);
            return workspace;
        }, _ => { });
        return results;
    }
}
