namespace RelayActors.Actors.Topology;

/// <summary>
/// The time-varying one-peer exponential graph of SGP, simulation version (spec §2, <c>time_varying_sgp</c>): in round
/// r every worker i sends to i + 2^(r mod D) and receives from i − 2^(r mod D) (mod n), D = ⌊log2(n − 1)⌋ + 1.
/// Each round is a permutation, so x ← (x + x_from)/2 is doubly stochastic and needs no push-sum weights; when n is a
/// power of two, D rounds give every worker the exact mean.
/// </summary>
public sealed class ExponentialSchedule
{
    /// <summary>A schedule over <paramref name="workers"/> workers; needs at least 2 (one worker has no peer).</summary>
    public ExponentialSchedule(int workers)
    {
        if (workers < 2)
            throw new ArgumentOutOfRangeException(nameof(workers), workers, $"The exponential graph needs at least 2 workers; got {workers}");
        Workers = workers;
        Period = (int)Math.Floor(Math.Log2(workers - 1)) + 1;
    }

    public int Workers { get; }

    /// <summary>D = ⌊log2(n − 1)⌋ + 1: the number of distinct shifts 1, 2, …, 2^(D−1), all below n.</summary>
    public int Period { get; }

    /// <summary>2^(round mod D).</summary>
    public int Shift(long round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        return 1 << (int)(round % Period);
    }

    /// <summary>The peer <paramref name="worker"/> sends to in <paramref name="round"/>: (worker + shift) mod n.</summary>
    public int SendTo(int worker, long round) => (CheckWorker(worker) + Shift(round)) % Workers;

    /// <summary>The peer <paramref name="worker"/> receives from in <paramref name="round"/>: (worker − shift) mod n.</summary>
    public int ReceiveFrom(int worker, long round) => (CheckWorker(worker) - Shift(round) + Workers) % Workers;

    public override string ToString() => $"ExponentialSchedule({Workers} workers, period {Period})";

    private int CheckWorker(int worker)
    {
        if ((uint)worker >= (uint)Workers)
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"Worker must be in 0..{Workers - 1}");
        return worker;
    }
}
