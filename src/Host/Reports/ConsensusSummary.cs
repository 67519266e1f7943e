using RelayActors.Actors.Network;
using System.Globalization;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Reports;

/// <summary>The human-readable header and summary lines shared by every format.</summary>
internal static class ConsensusSummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>E.g. <c>relaysum on chain: 16 workers (diameter 15), 17 rounds, values index (exact mean 7.5), latency 1 ms, virtual clock</c>.</summary>
    public static string Header(ConsensusSettings settings, Graph graph, ConsensusResult result) =>
        string.Create(Inv,
            $"{ConsensusAlgorithmNames.Format(settings.Algorithm)} on {TopologyKindNames.Format(settings.Topology)}: "
            + $"{graph.NodeCount} workers (diameter {graph.Diameter}), {result.Rounds.Count} rounds, "
            + $"values {InitialValuesNames.Format(settings.Values)} (exact mean {Number(result.ExactMean[0])}), "
            + $"{Describe(settings.Network.Link)}, {ClockKindNames.Format(settings.Clock)} clock");

    /// <summary>
    /// RelaySum: after how many rounds every worker held the exact mean; gossip: the final error. Both with
    /// messages sent and the time the run took on its clock.
    /// </summary>
    public static string Line(ConsensusSettings settings, Graph graph, ConsensusResult result)
    {
        var outcome = settings.Algorithm == ConsensusAlgorithm.RelaySum
            ? result.RoundsUntilExactMean is { } exact
                ? string.Create(Inv, $"every worker holds the exact mean {Number(result.ExactMean[0])} after {exact} rounds (diameter {graph.Diameter})")
                : string.Create(Inv, $"not every worker has heard all {result.Workers} values after {result.Rounds.Count} rounds (needs {graph.Diameter}); final max abs error {Error(result.FinalMaxAbsError)}")
            : string.Create(Inv, $"final max abs error after {result.Rounds.Count} rounds: {Error(result.FinalMaxAbsError)}");
        var ignored = result.MessagesIgnored == 0 ? "" : string.Create(Inv, $" ({result.MessagesIgnored} ignored)");
        return string.Create(Inv, $"summary: {outcome}; {result.MessagesSent} messages sent{ignored}; {ClockKindNames.Format(settings.Clock)} time {DurationParser.Format(result.Elapsed)}");
    }

    /// <summary>An estimate or mean: up to 6 significant digits.</summary>
    public static string Number(double value) => value.ToString("G6", Inv);

    /// <summary>An error: three significant digits in exponent form, exact zero as 0.</summary>
    public static string Error(double value) => value == 0 ? "0" : value.ToString("0.00e+00", Inv);

    /// <summary>The link as the summary line names it: latency always, the other properties when set.</summary>
    private static string Describe(LinkModel link)
    {
        var text = $"latency {DurationParser.Format(link.Latency)}";
        if (link.Jitter > TimeSpan.Zero)
            text += $", jitter {DurationParser.Format(link.Jitter)}";
        if (link.Bandwidth is { } bandwidth)
            text += string.Create(System.Globalization.CultureInfo.InvariantCulture, $", bandwidth {bandwidth:G4} B/s");
        if (link.DropProbability > 0)
            text += string.Create(System.Globalization.CultureInfo.InvariantCulture, $", drop probability {link.DropProbability:G4}");
        return text;
    }
}
