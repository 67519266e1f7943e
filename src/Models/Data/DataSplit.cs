using System.Diagnostics;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Data;

/// <summary>
/// Partitions of a training set's sample indices among workers: the non-IID Dirichlet split of the RelaySGD experiments
/// (spec §4.1) and the uniform random split used for all-reduce. Each returns one index array per worker; together they
/// hold every sample exactly once.
/// </summary>
public static class DataSplit
{
    /// <summary>Workers per group ("auxiliary workers" in the reference); each group splits its own slice of the data.</summary>
    public const int GroupSize = 10;

    /// <summary>Attempts per group before giving up on the minimum-size condition (the reference would loop forever).</summary>
    public const int MaxAttempts = 1000;

    // Stream ids keep these draws apart from other users of the same seed (WorkerBatches uses (worker, epoch)).
    private const long DirichletStream = -1;
    private const long UniformStream = -2;

    /// <summary>
    /// The reference's <c>distribute_data_dirichlet</c> followed by <c>distribute_evenly</c>, step for step: shuffle
    /// the samples; cut them into groups of ≤ 10 workers, each group a contiguous slice of int(10/n·N) samples (the
    /// last group takes the rest); inside a group of m workers and M samples, repeat until every worker holds
    /// ≥ int(0.5·M/m) samples: for each class draw p ~ Dirichlet(α·1_m), zero p_k for workers already holding
    /// ≥ M/m samples, renormalise and cut the class's indices at int(cumsum(p)·count); finally concatenate all workers'
    /// lists in order and cut into n chunks with <see cref="ArraySplit"/>, so sizes are equal and the class skew mostly
    /// survives. The algorithm is exact but the random bits are not numpy's RandomState: same seed → same split here,
    /// not the reference's split. The reference seeds with the run seed + 100; pass that here to mirror it.
    /// Gamma draws are taken in log space (<see cref="GammaSampler"/>), so α as small as 0.01 never yields NaN.
    /// </summary>
    /// <exception cref="ArgumentException">A label is out of range, there are fewer samples than workers, or some group
    /// cannot meet the minimum-size condition within <see cref="MaxAttempts"/> attempts (too few classes for too many
    /// workers at a tiny α).</exception>
    public static int[][] Dirichlet(ReadOnlySpan<int> labels, int classes, int workers, double alpha, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        if (!(alpha > 0) || double.IsInfinity(alpha))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The Dirichlet concentration α must be positive and finite.");
        CheckCount(labels.Length, workers, nameof(labels));
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label of sample {i} is outside [0, {classes}).");
        }

        var random = new StepRandom(seed, DirichletStream);
        var order = Shuffled(labels.Length, ref random);
        var concatenated = new List<int>(labels.Length);
        var groups = Groups(labels.Length, workers);
        for (var group = 0; group < groups.Length; group++)
        {
            var (start, length, groupWorkers) = groups[group];
            var slice = order.AsSpan(start, length);
            var lists = SplitGroup(IndicesByClass(slice, labels, classes), length, groupWorkers, alpha, ref random, group);
            foreach (var list in lists)
                concatenated.AddRange(list);
        }
        return ArraySplit(concatenated.ToArray(), workers);
    }

    /// <summary>A uniformly random partition of <c>0 … count−1</c> into <paramref name="workers"/> shards of
    /// <see cref="ArraySplit"/> sizes (the reference's "random" split, used by all-reduce).</summary>
    public static int[][] Uniform(int count, int workers, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        CheckCount(count, workers, nameof(count));
        var random = new StepRandom(seed, UniformStream);
        return ArraySplit(Shuffled(count, ref random), workers);
    }

    /// <summary>
    /// numpy's <c>array_split</c>: <paramref name="parts"/> consecutive chunks, the first <c>N mod parts</c> of them one
    /// element longer than the rest.
    /// </summary>
    public static int[][] ArraySplit(ReadOnlySpan<int> items, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        var chunks = new int[parts][];
        var (baseSize, longer) = Math.DivRem(items.Length, parts);
        var start = 0;
        for (var p = 0; p < parts; p++)
        {
            var size = baseSize + (p < longer ? 1 : 0);
            chunks[p] = items.Slice(start, size).ToArray();
            start += size;
        }
        return chunks;
    }

    /// <summary>
    /// The reference's groups of ≤ <see cref="GroupSize"/> workers: ⌈n/10⌉ contiguous slices of the shuffled samples,
    /// each int(10/n·N) long except the last, which runs to the end; every group has 10 workers but the last, which has
    /// the rest (16 workers → 10 and 6).
    /// </summary>
    internal static (int Start, int Length, int Workers)[] Groups(int samples, int workers)
    {
        var count = (workers + GroupSize - 1) / GroupSize;
        var sliceLength = (int)((double)GroupSize / workers * samples); // the reference's int(10 / n · N), float64 product
        var groups = new (int Start, int Length, int Workers)[count];
        for (var g = 0; g < count; g++)
        {
            var last = g == count - 1;
            var start = g * sliceLength;
            groups[g] = (start, last ? samples - start : sliceLength, last ? workers - GroupSize * g : GroupSize);
        }
        return groups;
    }

    /// <summary>
    /// One attempt after another until every worker of the group holds ≥ int(0.5·M/m) samples. Always at least one
    /// attempt: when the threshold is 0 (M &lt; 2m) the reference's while loop never runs and it reuses a stale list.
    /// </summary>
    private static List<int>[] SplitGroup(int[][] perClass, int groupSamples, int groupWorkers, double alpha, ref StepRandom random, int group)
    {
        var lists = new List<int>[groupWorkers];
        for (var k = 0; k < groupWorkers; k++)
            lists[k] = [];
        var minimum = (int)(0.5 * groupSamples / groupWorkers);
        var full = (double)groupSamples / groupWorkers;
        var logDraws = new double[groupWorkers];
        var proportions = new double[groupWorkers];
        var open = new bool[groupWorkers];
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            foreach (var list in lists)
                list.Clear();
            foreach (var indices in perClass)
            {
                GammaSampler.NextLogDirichlet(ref random, alpha, logDraws);
                for (var k = 0; k < groupWorkers; k++)
                    open[k] = lists[k].Count < full;
                if (!GammaSampler.Normalise(logDraws, open, proportions))
                {
                    // Every worker full means all M samples are placed already, so this class has none left here.
                    Debug.Assert(indices.Length == 0, "all workers full while samples remain");
                    continue;
                }
                DistributeClass(indices, proportions, lists);
            }
            var smallest = int.MaxValue;
            foreach (var list in lists)
                smallest = Math.Min(smallest, list.Count);
            if (smallest >= minimum)
                return lists;
        }
        throw new ArgumentException(
            $"Dirichlet split: after {MaxAttempts} attempts group {group} ({groupWorkers} workers, {groupSamples} samples, " +
            $"{perClass.Length} classes, α = {alpha}) still has a worker with fewer than {minimum} samples; raise α or use fewer workers.");
    }

    /// <summary>Appends the class's indices to the workers' lists, cut at int(cumsum(p)·count) as numpy does.</summary>
    private static void DistributeClass(int[] indices, ReadOnlySpan<double> proportions, List<int>[] lists)
    {
        var cumulative = 0.0;
        var start = 0;
        for (var k = 0; k < lists.Length; k++)
        {
            cumulative += proportions[k];
            var end = k == lists.Length - 1 ? indices.Length : Math.Clamp((int)(cumulative * indices.Length), start, indices.Length);
            lists[k].AddRange(indices.AsSpan(start, end - start));
            start = end;
        }
    }

    /// <summary>For each class, the sample indices in <paramref name="slice"/> with that label, in slice order.</summary>
    private static int[][] IndicesByClass(ReadOnlySpan<int> slice, ReadOnlySpan<int> labels, int classes)
    {
        var counts = new int[classes];
        foreach (var index in slice)
            counts[labels[index]]++;
        var perClass = new int[classes][];
        for (var c = 0; c < classes; c++)
            perClass[c] = new int[counts[c]];
        Array.Clear(counts);
        foreach (var index in slice)
        {
            var label = labels[index];
            perClass[label][counts[label]++] = index;
        }
        return perClass;
    }

    private static int[] Shuffled(int count, ref StepRandom random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        random.Shuffle<int>(order);
        return order;
    }

    private static void CheckCount(int count, int workers, string parameter)
    {
        if (count < workers)
            throw new ArgumentOutOfRangeException(parameter, count, $"Cannot split {count} samples among {workers} workers: each needs at least one.");
    }
}
