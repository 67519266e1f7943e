using RelayActors.Actors.Network;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>
/// A training cell is a <c>relay train</c> run of one algorithm, through <see cref="TrainCommand.Execute"/>: same
/// files (<c>cells/&lt;id&gt;/&lt;algorithm&gt;/metrics.csv</c>, <c>summary.json</c>, <c>checkpoint.bin</c>), same
/// resume from the checkpoint, same refusal of a checkpoint written under other settings.
/// </summary>
internal sealed class TrainingCellRunner : ICompareCellRunner
{
    public CompareFailure? Check(CompareCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        try
        {
            var s = TrainingExperimentSettings.FromConfig(cell.Config);
            NetworkSettings.FromConfig(cell.Config).Validate();
            return CompareFailure.OfTopology(cell.Id, s.Algorithms[0], s.Topology, s.Workers, s.SpanningTree, s.Root);
        }
        catch (Exception ex) when (ex is ConfigurationException or ArgumentException)
        {
            return new CompareFailure(ExitCodes.InvalidArguments, $"{cell.Id}: {ex.Message}");
        }
    }

    /// <summary>The text the cell's checkpoint carries (<see cref="TrainingExperimentSettings.Describe"/>).</summary>
    public string Identity(CompareCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return TrainingExperimentSettings.Describe(cell.Config, cell.Entry.Algorithm);
    }

    public bool HasResults(CompareCell cell, string folder) => File.Exists(Path.Combine(MetricsFolder(folder, cell), "summary.json"));

    public int Run(CompareCell cell, string folder, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var settings = TrainingExperimentSettings.FromConfig(cell.Config);
        var exitCode = TrainCommand.Execute(cell.Config, settings, NetworkSettings.FromConfig(cell.Config), fresh: false, log, log);
        if (exitCode == ExitCodes.Success)
            new CompareCellRecord(Identity(cell), Quadratics: null).Write(folder);
        return exitCode;
    }

    /// <summary>The folder of the cell's metrics and summary: <c>&lt;cell&gt;/&lt;algorithm&gt;</c>, as <c>relay train</c> names it.</summary>
    public static string MetricsFolder(string folder, CompareCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Path.Combine(folder, cell.Entry.AlgorithmName);
    }
}
