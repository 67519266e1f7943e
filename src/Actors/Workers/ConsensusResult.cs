using RelayActors.Actors.Relay;

namespace RelayActors.Actors.Workers;

/// <summary>The outcome of a <see cref="ConsensusRun"/>: every round of every worker, message totals and the time it took on the run's clock.</summary>
public sealed record ConsensusResult(
    ConsensusAlgorithm Algorithm,
    int Workers,
    IReadOnlyList<double> ExactMean,
    IReadOnlyList<ConsensusRound> Rounds,
    long MessagesSent,
    long MessagesIgnored,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Rounds until every worker's count was n, i.e. each estimate S_i/C_i averages all n values and equals the
    /// exact mean up to float rounding (F1: diam(T) rounds for RelaySum); null if that never happened (gossip).
    /// </summary>
    public int? RoundsUntilExactMean
    {
        get
        {
            foreach (var round in Rounds)
            {
                var all = true;
                foreach (var count in round.Counts)
                    all &= count == Workers;
                if (all)
                    return round.Round + 1;
            }
            return null;
        }
    }

    /// <summary>Max abs error of the last round (NaN when no round ran).</summary>
    public double FinalMaxAbsError => Rounds.Count == 0 ? double.NaN : Rounds[^1].MaxAbsError;
}
