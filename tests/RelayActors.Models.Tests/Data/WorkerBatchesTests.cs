using RelayActors.Models.Data;
using RelayActors.Tests.Shared;

namespace RelayActors.Models.Tests.Data;

public sealed class WorkerBatchesTests
{
    private static readonly ImageShape Shape = new(1, 3, 4);

    /// <summary>40 samples; pixel p of sample i is 100·i + p + 1, so a batch row names its sample and no pixel is 0.</summary>
    private static readonly Dataset Data = CreateData(40);

    private static readonly int[] Shard = [3, 5, 8, 13, 21, 34, 1, 2, 30, 31, 32, 33];

    [Fact]
    public void StepsPerEpoch_ReferenceShard_DropsTheLastPartialBatch()
    {
        var batches = new WorkerBatches(CreateData(3125), Enumerable.Range(0, 3125).ToArray(), 32, seed: 1, worker: 0, AugmentationSettings.None);

        Assert.Equal(97, batches.StepsPerEpoch);
    }

    [Fact]
    public void Fill_StepsOutOfOrder_GivesTheBatchesOfAnInOrderRun()
    {
        var inOrder = new WorkerBatches(Data, Shard, 3, seed: 4, worker: 2, new AugmentationSettings(2, true));
        var expected = Enumerable.Range(0, 12).Select(step => Batch(inOrder, step)).ToArray();
        var shuffled = new WorkerBatches(Data, Shard, 3, seed: 4, worker: 2, new AugmentationSettings(2, true));

        foreach (var step in new[] { 9, 2, 11, 0, 5, 4, 10, 1, 8, 3, 7, 6, 2 })
            Assert.Equal(expected[step], Batch(shuffled, step));
    }

    [Fact]
    public void Fill_OneEpoch_VisitsEveryShardSampleExactlyOnce()
    {
        var batches = new WorkerBatches(Data, Shard, 3, seed: 1, worker: 0, AugmentationSettings.None);

        var visited = Enumerable.Range(8, 4).SelectMany(step => Samples(batches, step)).Order();

        Assert.Equal(Shard.Order(), visited); // steps 8–11 are epoch 2 (4 steps per epoch)
    }

    [Fact]
    public void Fill_ConsecutiveEpochs_VisitTheShardInDifferentOrders()
    {
        var batches = new WorkerBatches(Data, Shard, 3, seed: 1, worker: 0, AugmentationSettings.None);

        Assert.NotEqual(EpochOrder(batches, 0), EpochOrder(batches, 1));
    }

    [Fact]
    public void Fill_DifferentWorkersSameShard_VisitInDifferentOrders()
    {
        var first = new WorkerBatches(Data, Shard, 3, seed: 1, worker: 0, AugmentationSettings.None);
        var second = new WorkerBatches(Data, Shard, 3, seed: 1, worker: 1, AugmentationSettings.None);

        Assert.NotEqual(EpochOrder(first, 0), EpochOrder(second, 0));
    }

    [Fact]
    public void Fill_NoAugmentation_CopiesImagesAndLabelsExactly()
    {
        var batches = new WorkerBatches(Data, Shard, 4, seed: 2, worker: 0, AugmentationSettings.None);
        var inputs = new float[4 * Shape.Size];
        var labels = new int[4];

        batches.Fill(5, inputs, labels);

        for (var j = 0; j < 4; j++)
        {
            var sample = (int)(inputs[j * Shape.Size] - 1) / 100;
            Assert.Equal(Data.Image(sample).ToArray(), inputs.AsSpan(j * Shape.Size, Shape.Size).ToArray());
            Assert.Equal(Data.Labels[sample], labels[j]);
        }
    }

    [Fact]
    public void Fill_CropAndFlip_OutputsOnlyZerosAndPixelsOfTheLabelledSample()
    {
        var batches = new WorkerBatches(Data, Shard, 3, seed: 3, worker: 0, new AugmentationSettings(CropPadding: 1, HorizontalFlip: true));
        var inputs = new float[3 * Shape.Size];
        var labels = new int[3];
        var changed = 0;
        for (var step = 0; step < 8; step++)
        {
            batches.Fill(step, inputs, labels);
            for (var j = 0; j < 3; j++)
            {
                var image = inputs.AsSpan(j * Shape.Size, Shape.Size).ToArray();
                var sample = (int)(image.Max() - 1) / 100;
                Assert.Equal(Data.Labels[sample], labels[j]);
                Assert.All(image, pixel => Assert.True(pixel == 0 || Data.Image(sample).Contains(pixel), $"Pixel {pixel} not from sample {sample}."));
                if (!image.SequenceEqual(Data.Image(sample).ToArray()))
                    changed++;
            }
        }
        Assert.InRange(changed, 12, 24); // 9 shift × flip outcomes, one of them the identity: about 21 of 24 change
    }

    [Fact]
    public void Fill_WithinAnEpoch_AllocatesNothing()
    {
        var batches = new WorkerBatches(Data, Shard, 3, seed: 3, worker: 0, new AugmentationSettings(1, true));
        var inputs = new float[3 * Shape.Size];
        var labels = new int[3];
        batches.Fill(0, inputs, labels);

        var step = 1;
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() => batches.Fill(step++, inputs, labels)));
    }

    [Fact]
    public void Fill_WrongInputLength_ThrowsNamingSizes()
    {
        var batches = new WorkerBatches(Data, Shard, 3, seed: 1, worker: 0, AugmentationSettings.None);

        var error = Assert.Throws<ArgumentException>(() => batches.Fill(0, new float[35], new int[3]));

        Assert.Contains("35 floats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ShardSmallerThanBatch_ThrowsNamingWorker()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerBatches(Data, [1, 2], 3, seed: 1, worker: 6, AugmentationSettings.None));

        Assert.Contains("Worker 6", error.Message, StringComparison.Ordinal);
    }

    private static float[] Batch(WorkerBatches batches, long step)
    {
        var inputs = new float[batches.BatchSize * Shape.Size];
        var labels = new int[batches.BatchSize];
        batches.Fill(step, inputs, labels);
        return inputs;
    }

    private static int[] Samples(WorkerBatches batches, long step)
    {
        var inputs = Batch(batches, step);
        return Enumerable.Range(0, batches.BatchSize).Select(j => (int)(inputs[j * Shape.Size] - 1) / 100).ToArray();
    }

    private static int[] EpochOrder(WorkerBatches batches, int epoch) =>
        Enumerable.Range(epoch * batches.StepsPerEpoch, batches.StepsPerEpoch).SelectMany(step => Samples(batches, step)).ToArray();

    private static Dataset CreateData(int count)
    {
        var images = new float[count * Shape.Size];
        for (var i = 0; i < images.Length; i++)
            images[i] = 100 * (i / Shape.Size) + i % Shape.Size + 1;
        var labels = Enumerable.Range(0, count).Select(i => i % 5).ToArray();
        return new Dataset("ramp", Shape, 5, images, labels);
    }
}
