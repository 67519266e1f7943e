using RelayActors.Models.Data;
using RelayActors.Models.Networks;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Tasks;

/// <summary>
/// Worker i's training objective: mean cross-entropy of a <see cref="Network"/> on the mini-batch of step t of its
/// own data shard. The batch (<see cref="WorkerBatches"/>) and the dropout masks are functions of (seed, worker, t),
/// so the objective keeps no random state and a resumed run computes exactly the gradients of an uninterrupted one.
/// Keeps the running mean of the losses it computed, for the training-loss metric.
/// </summary>
public sealed class ClassificationObjective : ILocalObjective<float>
{
    /// <summary>Stream id that separates dropout draws from the batch sampler's (which use ids 0 and 1).</summary>
    private const long DropoutStream = 2;

    private readonly WorkerBatches _batches;
    private readonly NetworkWorkspace _workspace;
    private readonly float[] _inputs;
    private readonly int[] _labels;
    private readonly long _seed;
    private readonly int _worker;
    private double _lossSum;
    private long _lossCount;

    /// <summary>The objective of worker <paramref name="worker"/> on <paramref name="batches"/>; GEMMs use up to <paramref name="maxThreads"/> threads.</summary>
    public ClassificationObjective(Network network, WorkerBatches batches, long seed, int worker, int maxThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(batches);
        Network = network;
        _batches = batches;
        _workspace = network.CreateWorkspace(batches.BatchSize, maxThreads);
        _inputs = new float[batches.BatchSize * network.Input.Size];
        _labels = new int[batches.BatchSize];
        _seed = seed;
        _worker = worker;
    }

    public Network Network { get; }

    public int Dimension => Network.ParameterCount;

    /// <summary>Steps in one pass over the worker's shard.</summary>
    public int StepsPerEpoch => _batches.StepsPerEpoch;

    public void Gradient(long step, ReadOnlySpan<float> parameters, Span<float> gradient)
    {
        _batches.Fill(step, _inputs, _labels);
        var random = new StepRandom(_seed, _worker, step, DropoutStream);
        var loss = _workspace.Gradient(parameters, _inputs, _labels, gradient, ref random);
        _lossSum += loss;
        _lossCount++;
    }

    /// <summary>Mean mini-batch loss since the last call (NaN when no step ran), and starts a new mean.</summary>
    public double TakeMeanLoss()
    {
        var mean = _lossCount == 0 ? double.NaN : _lossSum / _lossCount;
        _lossSum = 0;
        _lossCount = 0;
        return mean;
    }
}
