using System.Globalization;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Host.Configuration;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>
/// The cells of a comparison: every row × column × seed, each with its configuration. A cell's configuration is the
/// experiment's own with the row's algorithm, topology and learning rate and the axis values set, so the same seed
/// gives every row the same data, split, initial model and network draws (the training run derives all of them
/// from the seed alone; see docs/COMPARE.md).
/// </summary>
internal sealed class CompareGrid
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private CompareGrid(CompareSettings settings, IReadOnlyList<CompareColumn> columns, IReadOnlyList<int> seeds, IReadOnlyList<CompareCell> cells)
    {
        Settings = settings;
        Columns = columns;
        Seeds = seeds;
        Cells = cells;
    }

    public CompareSettings Settings { get; }

    public IReadOnlyList<CompareColumn> Columns { get; }

    public IReadOnlyList<int> Seeds { get; }

    /// <summary>Row by row, then column by column, then seed by seed.</summary>
    public IReadOnlyList<CompareCell> Cells { get; }

    /// <summary><c>&lt;output&gt;/&lt;name&gt;</c>: the report and the <c>cells/</c> folder.</summary>
    public string Folder => Path.Combine(Settings.Output, Settings.Name);

    public string CellsFolder => Path.Combine(Folder, "cells");

    public string CellFolder(CompareCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Path.Combine(CellsFolder, cell.Id);
    }

    /// <summary>The cells of <paramref name="entry"/> in <paramref name="column"/>, one per seed.</summary>
    public IEnumerable<CompareCell> CellsOf(CompareEntry entry, int column) => Cells.Where(c => c.Entry == entry && c.Column == column);

    /// <exception cref="ConfigurationException">A base section is invalid.</exception>
    public static CompareGrid Build(CompareSettings settings, Config config)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(config);
        var network = NetworkSettings.FromConfig(config);
        var drops = settings.DropProbabilities ?? [network.Link.DropProbability];
        List<CompareColumn> columns = [];
        int baseSeed;
        if (settings.Kind == CompareKind.Training)
        {
            var training = TrainingExperimentSettings.FromConfig(config);
            baseSeed = training.Seed;
            foreach (var alpha in settings.Alphas ?? [training.Alpha])
                foreach (var drop in drops)
                    columns.Add(new CompareColumn(alpha, null, drop, Label("α", alpha, drop, drops.Count), Key("alpha", alpha, drop, drops.Count)));
        }
        else
        {
            var quadratics = QuadraticsExperimentSettings.FromConfig(config);
            baseSeed = quadratics.Seed;
            foreach (var workers in settings.Workers ?? [quadratics.Workers])
                foreach (var drop in drops)
                    columns.Add(new CompareColumn(null, workers, drop, Label("n", workers, drop, drops.Count), Key("n", workers, drop, drops.Count)));
        }
        var seeds = settings.Seeds ?? [baseSeed];
        var cellsFolder = Path.Combine(settings.Output, settings.Name, "cells");
        var cells = new List<CompareCell>();
        foreach (var entry in settings.Entries)
            for (var c = 0; c < columns.Count; c++)
                foreach (var seed in seeds)
                    cells.Add(Cell(settings, config, cellsFolder, entry, columns[c], c, seed));
        return new CompareGrid(settings, columns, seeds, cells);
    }

    private static CompareCell Cell(CompareSettings settings, Config config, string cellsFolder, CompareEntry entry, CompareColumn column, int columnIndex, int seed)
    {
        var axis = column.Alpha is { } alpha ? $"a{Number(alpha)}" : $"n{column.Workers}";
        var id = $"{entry.Label}-{axis}-s{seed}{(column.DropProbability > 0 ? $"-p{Number(column.DropProbability)}" : "")}";
        List<string> assignments = [];
        if (settings.Kind == CompareKind.Training)
        {
            const string section = TrainingExperimentSettings.ConfigPath;
            assignments.Add($"{section}.name={id}");
            assignments.Add($"{section}.output={ConfigFlag.Quote(cellsFolder)}");
            assignments.Add($"{section}.algorithms=[{entry.AlgorithmName}]");
            assignments.Add($"{section}.topology={TopologyKindNames.Format(entry.Topology)}");
            assignments.Add($"{section}.alpha={Exact(column.Alpha!.Value)}");
            assignments.Add($"{section}.seed={seed}");
            if (entry.LearningRate is { } rate)
                assignments.Add($"{section}.learning-rates.{entry.AlgorithmName}={Exact(rate)}");
        }
        else
        {
            const string section = QuadraticsExperimentSettings.ConfigPath;
            assignments.Add($"{section}.algorithm={entry.AlgorithmName}");
            assignments.Add($"{section}.topology={TopologyKindNames.Format(entry.Topology)}");
            assignments.Add($"{section}.workers={column.Workers}");
            assignments.Add($"{section}.seed={seed}");
            if (entry.LearningRate is { } rate)
                assignments.Add($"{section}.learning-rate={Exact(rate)}");
        }
        if (settings.DropProbabilities is not null)
            assignments.Add($"{NetworkSettings.ConfigPath}.drop-probability={Exact(column.DropProbability)}");
        return new CompareCell(id, entry, column.Alpha, column.Workers, seed, column.DropProbability, columnIndex, config.WithOverrides(assignments));
    }

    private static string Label(string axis, double value, double drop, int drops) =>
        drops > 1 ? $"{axis} = {Number(value)}, p = {Number(drop)}" : $"{axis} = {Number(value)}";

    private static string Key(string axis, double value, double drop, int drops) =>
        drops > 1 ? $"{axis}={Number(value)} p={Number(drop)}" : $"{axis}={Number(value)}";

    /// <summary>A short decimal for names and labels (0.01, 1, 0.001).</summary>
    public static string Number(double value) => value.ToString("0.##########", Invariant);

    private static string Exact(double value) => value.ToString("R", Invariant);
}
