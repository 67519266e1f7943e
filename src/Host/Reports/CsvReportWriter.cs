using System.Globalization;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Reports;

/// <summary>
/// Long-form CSV, one row per worker per round: <c>round,worker,estimate,count,max_abs_error</c> (count empty for
/// gossip; max_abs_error is the round's, repeated). Scalar values only print their first coordinate. Summary to the error writer.
/// </summary>
internal sealed class CsvReportWriter : IConsensusReportWriter
{
    public const string Header = "round,worker,estimate,count,max_abs_error";

    public void Write(ConsensusSettings settings, Graph graph, ConsensusResult result, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var inv = CultureInfo.InvariantCulture;
        var counts = settings.Algorithm == ConsensusAlgorithm.RelaySum;
        output.WriteLine(Header);
        foreach (var round in result.Rounds)
        {
            var roundError = round.MaxAbsError.ToString("R", inv);
            for (var i = 0; i < round.Estimates.Count; i++)
            {
                var count = counts ? round.Counts[i].ToString(inv) : "";
                output.WriteLine(string.Create(inv, $"{round.Round},{i},{round.Estimates[i][0].ToString("R", inv)},{count},{roundError}"));
            }
        }
        error.WriteLine(ConsensusSummary.Line(settings, graph, result));
    }
}
