using System.Buffers;
using System.Text;
using System.Text.Json;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Reports;

/// <summary>
/// JSON Lines: per round <c>{"round": r, "algorithm": "relaysum", "estimates": [...], "counts": [...], "max_abs_error": e}</c>
/// (<c>counts</c> only for RelaySum; an estimate is a number for scalar values, an array for vectors).
/// Round 0 is the state after the first exchange (F1). The summary line goes to the error writer.
/// </summary>
internal sealed class JsonLinesReportWriter : IConsensusReportWriter
{
    public void Write(ConsensusSettings settings, Graph graph, ConsensusResult result, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var algorithm = ConsensusAlgorithmNames.Format(settings.Algorithm);
        var counts = settings.Algorithm == ConsensusAlgorithm.RelaySum;
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var round in result.Rounds)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
                WriteRound(json, round, algorithm, counts);
            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        error.WriteLine(ConsensusSummary.Line(settings, graph, result));
    }

    private static void WriteRound(Utf8JsonWriter json, ConsensusRound round, string algorithm, bool counts)
    {
        json.WriteStartObject();
        json.WriteNumber("round", round.Round);
        json.WriteString("algorithm", algorithm);
        json.WriteStartArray("estimates");
        foreach (var estimate in round.Estimates)
        {
            if (estimate.Length == 1)
            {
                json.WriteNumberValue(estimate[0]);
                continue;
            }
            json.WriteStartArray();
            foreach (var value in estimate)
                json.WriteNumberValue(value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        if (counts)
        {
            json.WriteStartArray("counts");
            foreach (var count in round.Counts)
                json.WriteNumberValue(count);
            json.WriteEndArray();
        }
        json.WriteNumber("max_abs_error", round.MaxAbsError);
        json.WriteEndObject();
    }
}
