namespace RelayActors.Tests.Shared;

/// <summary>
/// Bytes that code allocates on this thread on its steady path (conventions C7), for tests that claim it allocates
/// nothing.
/// </summary>
/// <remarks>
/// One measured window is not a sound oracle: <see cref="GC.GetAllocatedBytesForCurrentThread"/> also counts what the
/// runtime itself allocates on the calling thread while it moves the code under test from tier 0 to optimized code
/// (call counting reaches its threshold, on-stack replacement, type and static initialisation on the first call of
/// a path), and when that happens depends on the background compiler and on the load of the machine. A warm-up of a
/// few calls leaves the code at tier 0, so under load the promotion lands in the window now and then: one suite run
/// in three failed. The batch is therefore run several times and the smallest count returned. Code that allocates on
/// every call shows it in every batch and still fails; a one-off of the runtime's does not.
/// </remarks>
internal static class SteadyAllocation
{
    /// <summary>How often the batch is measured at most (it stops at the first batch that allocated nothing).</summary>
    public const int MaxBatches = 8;

    /// <summary>
    /// Runs <paramref name="batch"/> up to <see cref="MaxBatches"/> times and returns the fewest bytes one run allocated
    /// on this thread. Warm the code up before calling it; create the delegate outside the batch so that its closure is
    /// not counted.
    /// </summary>
    public static long BytesPerBatch(Action batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var fewest = long.MaxValue;
        for (var run = 0; run < MaxBatches && fewest > 0; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            batch();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}
