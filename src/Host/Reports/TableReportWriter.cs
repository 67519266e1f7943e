using System.Globalization;
using System.Text;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Reports;

/// <summary>
/// A console table, one row per round. Up to <see cref="MaxWorkerColumns"/> workers get a column each
/// (estimate, and count in brackets for RelaySum); larger runs show min/max count and estimate instead.
/// </summary>
internal sealed class TableReportWriter : IConsensusReportWriter
{
    public const int MaxWorkerColumns = 8;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public void Write(ConsensusSettings settings, Graph graph, ConsensusResult result, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var counts = settings.Algorithm == ConsensusAlgorithm.RelaySum;
        var perWorker = result.Workers <= MaxWorkerColumns;
        output.WriteLine(ConsensusSummary.Header(settings, graph, result));
        output.WriteLine();
        output.WriteLine(HeaderRow(result.Workers, counts, perWorker));
        foreach (var round in result.Rounds)
            output.WriteLine(perWorker ? WorkerRow(round, counts) : AggregateRow(round, counts));
        output.WriteLine();
        output.WriteLine(ConsensusSummary.Line(settings, graph, result));
    }

    private static string HeaderRow(int workers, bool counts, bool perWorker)
    {
        var row = new StringBuilder("round");
        if (perWorker)
        {
            for (var i = 0; i < workers; i++)
                row.Append(Inv, $" {"w" + i.ToString(Inv),14}");
        }
        else
        {
            if (counts)
                row.Append(Inv, $"{"min count",11}{"max count",11}");
            row.Append(Inv, $"{"min estimate",14}{"max estimate",14}");
        }
        return row.Append(Inv, $"{"max abs error",15}").ToString();
    }

    private static string WorkerRow(ConsensusRound round, bool counts)
    {
        var row = new StringBuilder().Append(Inv, $"{round.Round,5}");
        for (var i = 0; i < round.Estimates.Count; i++)
        {
            var cell = ConsensusSummary.Number(round.Estimates[i][0]);
            if (counts)
                cell += string.Create(Inv, $" ({round.Counts[i]})");
            row.Append(Inv, $" {cell,14}");
        }
        return row.Append(Inv, $"{ConsensusSummary.Error(round.MaxAbsError),15}").ToString();
    }

    private static string AggregateRow(ConsensusRound round, bool counts)
    {
        var row = new StringBuilder().Append(Inv, $"{round.Round,5}");
        if (counts)
            row.Append(Inv, $"{round.Counts.Min(),11}{round.Counts.Max(),11}");
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var estimate in round.Estimates)
        {
            min = Math.Min(min, estimate[0]);
            max = Math.Max(max, estimate[0]);
        }
        row.Append(Inv, $"{ConsensusSummary.Number(min),14}{ConsensusSummary.Number(max),14}");
        return row.Append(Inv, $"{ConsensusSummary.Error(round.MaxAbsError),15}").ToString();
    }
}
