using RelayActors.Actors.Relay;

namespace RelayActors.Actors.Workers;

/// <summary>
/// Collects the workers' reports of a consensus run (one step = one averaging round) into per-round results;
/// finished once every worker reported every round. Runs on the monitor's turn.
/// </summary>
internal sealed class ConsensusRecorder : IStepRecorder<float>
{
    private readonly float[][][] _estimates;
    private readonly int[][] _counts;
    private readonly int[] _reported;
    private readonly long[] _sent;
    private readonly long[] _ignored;
    private readonly IReadOnlyList<double> _exactMean;
    private int _completeRounds;

    public ConsensusRecorder(ConsensusAlgorithm algorithm, int workers, int rounds, IReadOnlyList<double> exactMean)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        ArgumentNullException.ThrowIfNull(exactMean);
        _estimates = new float[rounds][][];
        _counts = new int[rounds][];
        for (var r = 0; r < rounds; r++)
        {
            _estimates[r] = new float[workers][];
            _counts[r] = new int[workers];
        }
        _reported = new int[rounds];
        _sent = new long[workers];
        _ignored = new long[workers];
        _exactMean = exactMean;
        Algorithm = algorithm;
        Workers = workers;
    }

    public ConsensusAlgorithm Algorithm { get; }

    public int Workers { get; }

    public int Rounds => _reported.Length;

    /// <summary>True when every worker reported every round.</summary>
    public bool IsFinished => _completeRounds == Rounds;

    /// <summary>Messages sent by all workers, as of their latest reports.</summary>
    public long MessagesSent => _sent.Sum();

    /// <summary>Late, duplicate or unknown-sender messages the workers dropped, as of their latest reports.</summary>
    public long MessagesIgnored => _ignored.Sum();

    /// <summary>Records one report; throws on a report for an unknown worker or round, or a repeated one (a bug in the run, not a network event).</summary>
    public void Record(StepCompleted<float> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if ((uint)report.Worker >= (uint)Workers || (ulong)report.Step >= (ulong)Rounds)
            throw new ArgumentOutOfRangeException(nameof(report), report, $"Report from worker {report.Worker} for round {report.Step}; expected workers 0..{Workers - 1}, rounds 0..{Rounds - 1}");
        var round = (int)report.Step;
        if (_estimates[round][report.Worker] is not null)
            throw new InvalidOperationException($"Worker {report.Worker} reported round {round} twice");
        _estimates[round][report.Worker] = report.Model.ToArray();
        _counts[round][report.Worker] = report.Count;
        _sent[report.Worker] = Math.Max(_sent[report.Worker], report.Counters.MessagesSent);
        _ignored[report.Worker] = Math.Max(_ignored[report.Worker], report.Counters.MessagesIgnored);
        if (++_reported[round] == Workers)
            _completeRounds++;
    }

    /// <summary>The result of the run, which took <paramref name="elapsed"/>; only once <see cref="IsFinished"/>.</summary>
    public ConsensusResult ToResult(TimeSpan elapsed) =>
        new(Algorithm, Workers, _exactMean, ToRounds(), MessagesSent, MessagesIgnored, elapsed);

    private ConsensusRound[] ToRounds()
    {
        if (!IsFinished)
            throw new InvalidOperationException($"Only {_completeRounds} of {Rounds} rounds have every worker's report");
        var rounds = new ConsensusRound[Rounds];
        for (var r = 0; r < Rounds; r++)
            rounds[r] = ConsensusRound.Create(r, _estimates[r]!, _counts[r], _exactMean);
        return rounds;
    }
}
