using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Reports;

/// <summary>Prints a finished consensus run in one <see cref="ReportFormat"/>.</summary>
internal interface IConsensusReportWriter
{
    /// <summary>
    /// Writes the per-round data to <paramref name="output"/>. Machine-readable formats keep <paramref name="output"/>
    /// pure data and put the human summary line on <paramref name="error"/>.
    /// </summary>
    void Write(ConsensusSettings settings, Graph graph, ConsensusResult result, TextWriter output, TextWriter error);
}
