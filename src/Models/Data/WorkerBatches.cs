using RelayActors.Models.Numerics;

namespace RelayActors.Models.Data;

/// <summary>
/// One worker's shard as an endless stream of mini-batches that is a pure function of the step: epoch
/// e = ⌊step / StepsPerEpoch⌋ visits the shard in the permutation drawn from <c>StepRandom(seed, worker, e)</c>, batch
/// <c>step mod StepsPerEpoch</c> takes the next <see cref="BatchSize"/> samples of it, and the leftover
/// <c>shard mod BatchSize</c> samples of each permutation are skipped (the reference's <c>drop_last=True</c>). Sample j
/// of a batch is augmented with draws from <c>StepRandom(seed, worker, step, 1 + j)</c>. A resumed or replayed run
/// therefore sees exactly the batches of an uninterrupted one. Not thread-safe: one instance per worker.
/// </summary>
public sealed class WorkerBatches
{
    private readonly Dataset _data;
    private readonly int[] _indices;
    private readonly long _seed;
    private readonly int _worker;
    private readonly AugmentationSettings _augmentation;

    /// <summary>The current epoch's order of the shard; rebuilt in place whenever <see cref="Fill"/> changes epoch.</summary>
    private readonly int[] _permutation;

    private long _epoch = -1;

    /// <summary>
    /// Batches over the samples of <paramref name="data"/> listed in <paramref name="indices"/> (copied); the shard must
    /// hold at least one full batch.
    /// </summary>
    public WorkerBatches(Dataset data, int[] indices, int batchSize, long seed, int worker, AugmentationSettings augmentation)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(augmentation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(worker);
        augmentation.Validate(data.Shape);
        if (indices.Length < batchSize)
            throw new ArgumentOutOfRangeException(
                nameof(indices), indices.Length, $"Worker {worker}'s shard of '{data.Name}' holds {indices.Length} samples, fewer than one batch of {batchSize}.");
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)data.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"Worker {worker}'s shard names a sample outside '{data.Name}' (count {data.Count}).");
        }
        _data = data;
        _indices = (int[])indices.Clone();
        _permutation = new int[indices.Length];
        _seed = seed;
        _worker = worker;
        _augmentation = augmentation;
        BatchSize = batchSize;
        StepsPerEpoch = indices.Length / batchSize;
    }

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>⌊shard size / batch size⌋: full batches per pass over the shard (3125 / 32 → 97).</summary>
    public int StepsPerEpoch { get; }

    /// <summary>Number of samples in this worker's shard.</summary>
    public int ShardSize => _indices.Length;

    /// <summary>
    /// Writes the batch of <paramref name="step"/>: <see cref="BatchSize"/> images into <paramref name="inputs"/>
    /// (sample after sample, <c>Shape.Size</c> floats each) and their labels into <paramref name="labels"/>. Allocates
    /// nothing; only a change of epoch (forwards or backwards) reshuffles the cached permutation.
    /// </summary>
    public void Fill(long step, Span<float> inputs, Span<int> labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var size = _data.Shape.Size;
        if (inputs.Length != BatchSize * size)
            throw new ArgumentException($"Inputs hold {inputs.Length} floats, a batch of {BatchSize} × {_data.Shape} needs {BatchSize * size}.", nameof(inputs));
        if (labels.Length != BatchSize)
            throw new ArgumentException($"Labels hold {labels.Length} entries, the batch size is {BatchSize}.", nameof(labels));

        var (epoch, batch) = Math.DivRem(step, StepsPerEpoch);
        if (epoch != _epoch)
            Reshuffle(epoch);
        var offset = (int)batch * BatchSize;
        var sourceLabels = _data.Labels;
        for (var j = 0; j < BatchSize; j++)
        {
            var sample = _permutation[offset + j];
            labels[j] = sourceLabels[sample];
            var destination = inputs.Slice(j * size, size);
            if (_augmentation.Enabled)
            {
                var random = new StepRandom(_seed, _worker, step, 1 + j);
                ImageAugmentation.Apply(_data.Image(sample), destination, _data.Shape, _augmentation, ref random);
            }
            else
            {
                _data.Image(sample).CopyTo(destination);
            }
        }
    }

    private void Reshuffle(long epoch)
    {
        // Always from the shard's own order, so the permutation depends on the epoch alone, not on the epochs before.
        _indices.CopyTo(_permutation, 0);
        var random = new StepRandom(_seed, _worker, epoch);
        random.Shuffle<int>(_permutation);
        _epoch = epoch;
    }
}
