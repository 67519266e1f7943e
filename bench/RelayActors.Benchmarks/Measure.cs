namespace RelayActors.Benchmarks;

/// <summary>The harness: warm up, repeat, summarise. Each repetition returns its own figure (usually a rate).</summary>
internal static class Measure
{
    /// <summary>Runs <paramref name="once"/> <paramref name="warmups"/> times unrecorded, then <paramref name="repetitions"/> times.</summary>
    public static Summary Repeat(int warmups, int repetitions, Func<double> once)
    {
        for (var i = 0; i < warmups; i++)
            once();
        var samples = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            CleanHeap();
            samples[i] = once();
        }
        return Summary.Of(samples);
    }

    /// <summary>
    /// Runs <paramref name="once"/> at least <paramref name="minimumRuns"/> times and for at least
    /// <paramref name="minimumTime"/>; returns the first run's figure. Tiered compilation needs several calls and its
    /// 100 ms quiet period before hot code reaches tier 1 (and precompiled library code its AVX-512 paths), so a single
    /// warm-up run can leave a scenario measuring tier-0 code.
    /// </summary>
    public static double WarmUp(Func<double> once, int minimumRuns, TimeSpan minimumTime)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var first = once();
        for (var runs = 1; runs < minimumRuns || watch.Elapsed < minimumTime; runs++)
            once();
        return first;
    }

    /// <summary>Starts a repetition from a clean heap so one run's garbage is not collected on the next one's clock.</summary>
    public static void CleanHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Messages per second for <paramref name="count"/> messages processed in <paramref name="elapsed"/>.</summary>
    public static double Rate(long count, TimeSpan elapsed) => count / elapsed.TotalSeconds;

    /// <summary>Waits for a completion signal; a hang is a bug in the runtime or the scenario, so it fails loudly.</summary>
    public static void AwaitDone(ManualResetEventSlim done, string scenario, Func<string> progress, int timeoutSeconds = 120)
    {
        if (!done.Wait(TimeSpan.FromSeconds(timeoutSeconds)))
            throw new TimeoutException($"{scenario} did not complete within {timeoutSeconds} s ({progress()})");
    }
}
