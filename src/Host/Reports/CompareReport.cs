using System.Globalization;
using RelayActors.Actors.Training;
using RelayActors.Host.Commands;
using RelayActors.Host.Configuration;

namespace RelayActors.Host.Reports;

/// <summary>
/// The report of a comparison, from the files of its finished cells: <c>table.md</c>, <c>table.csv</c>, the plots
/// in <c>plots/</c> and <c>index.html</c> with all of them. Cells without results show as missing; the report can
/// be written at any time.
/// </summary>
internal sealed class CompareReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly List<(string File, string Title, SvgLineChart Chart)> _plots = [];

    private CompareReport(CompareGrid grid, CompareTable table, string title)
    {
        Grid = grid;
        Table = table;
        Title = title;
    }

    public CompareGrid Grid { get; }

    public CompareTable Table { get; }

    public string Title { get; }

    /// <summary>The plots: file name under <c>plots/</c>, caption and chart.</summary>
    public IReadOnlyList<(string File, string Title, SvgLineChart Chart)> Plots => _plots;

    /// <summary>Reads the results of every cell of <paramref name="grid"/> and builds the table and plots.</summary>
    public static CompareReport Build(CompareGrid grid, Func<CompareEntry, string> learningRateOf)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(learningRateOf);
        return grid.Settings.Kind == CompareKind.Training ? BuildTraining(grid, learningRateOf) : BuildQuadratics(grid);
    }

    /// <summary>Writes the table, the plots and the page into the comparison's folder.</summary>
    public void Write()
    {
        var plots = Path.Combine(Grid.Folder, "plots");
        Directory.CreateDirectory(plots);
        File.WriteAllText(Path.Combine(Grid.Folder, "table.md"), $"# {Title}\n\n{Table.ToMarkdown()}");
        File.WriteAllText(Path.Combine(Grid.Folder, "table.csv"), Table.ToCsv());
        var rendered = new List<(string File, string Title, string Svg)>();
        foreach (var (file, title, chart) in _plots)
        {
            var svg = chart.Render();
            File.WriteAllText(Path.Combine(plots, file), svg);
            rendered.Add((file, title, svg));
        }
        File.WriteAllText(Path.Combine(Grid.Folder, "index.html"), CompareIndexPage.Render(Title, Table, rendered));
    }

    private static CompareReport BuildTraining(CompareGrid grid, Func<CompareEntry, string> learningRateOf)
    {
        var seeds = string.Join(", ", grid.Seeds);
        var table = new CompareTable(
            [.. grid.Columns.Select(c => c.Label)], [.. grid.Columns.Select(c => c.Key)],
            $"Worst-worker test accuracy (%), mean ± sample std over seeds {seeds}. Per seed: each worker's test accuracy averaged over the last two evaluations, then the minimum over workers (the paper's metric, spec §5.1). –: no finished run; k/m: only k of m seeds finished.",
            "F2", showStd: true);
        var runs = new Dictionary<CompareCell, IReadOnlyList<TrainingEvaluation>>();
        foreach (var cell in grid.Cells)
        {
            var folder = TrainingCellRunner.MetricsFolder(grid.CellFolder(cell), cell);
            runs[cell] = Directory.Exists(folder) && File.Exists(Path.Combine(folder, "summary.json")) ? new TrainingFiles(folder).ReadMetrics() : [];
        }
        foreach (var entry in grid.Settings.Entries)
        {
            var cells = new List<CompareTableCell>();
            for (var c = 0; c < grid.Columns.Count; c++)
            {
                var values = grid.CellsOf(entry, c).Select(cell => 100 * PaperMetric.WorstWorkerOfLastTwo(runs[cell])).Where(double.IsFinite).ToList();
                cells.Add(new CompareTableCell(values, grid.Seeds.Count));
            }
            table.AddRow(entry.AlgorithmName, entry.TopologyName, learningRateOf(entry), cells);
        }
        var report = new CompareReport(grid, table, $"{grid.Settings.Name}: training comparison");
        for (var c = 0; c < grid.Columns.Count; c++)
        {
            var column = grid.Columns[c];
            var key = FileKey(column);
            var accuracySteps = new SvgLineChart($"Worst-worker test accuracy, {column.Label}", "steps", "test accuracy of the worst worker (%)");
            var accuracyBytes = new SvgLineChart($"Worst-worker test accuracy, {column.Label}", "MB sent (all workers)", "test accuracy of the worst worker (%)");
            var consensusSteps = new SvgLineChart($"Consensus distance, {column.Label}", "steps", "(1/n) Σ ‖x_i − x̄‖²", logY: true);
            var consensusBytes = new SvgLineChart($"Consensus distance, {column.Label}", "MB sent (all workers)", "(1/n) Σ ‖x_i − x̄‖²", logY: true);
            foreach (var entry in grid.Settings.Entries)
            {
                var perSeed = grid.CellsOf(entry, c).Select(cell => runs[cell]).Where(r => r.Count > 0).ToList();
                accuracySteps.Add(entry.Label, MeanCurve(perSeed, e => e.Step, e => 100 * e.WorstAccuracy));
                accuracyBytes.Add(entry.Label, MeanCurve(perSeed, e => e.Bytes / 1e6, e => 100 * e.WorstAccuracy));
                consensusSteps.Add(entry.Label, MeanCurve(perSeed, e => e.Step, e => e.ConsensusDistance));
                consensusBytes.Add(entry.Label, MeanCurve(perSeed, e => e.Bytes / 1e6, e => e.ConsensusDistance));
            }
            report._plots.Add(($"accuracy-steps-{key}.svg", accuracySteps.Title, accuracySteps));
            report._plots.Add(($"accuracy-bytes-{key}.svg", accuracyBytes.Title + " against bytes", accuracyBytes));
            report._plots.Add(($"consensus-steps-{key}.svg", consensusSteps.Title, consensusSteps));
            report._plots.Add(($"consensus-bytes-{key}.svg", consensusBytes.Title + " against bytes", consensusBytes));
        }
        return report;
    }

    private static CompareReport BuildQuadratics(CompareGrid grid)
    {
        var seeds = string.Join(", ", grid.Seeds);
        var table = new CompareTable(
            [.. grid.Columns.Select(c => c.Label)], [.. grid.Columns.Select(c => c.Key)],
            $"Steps until f(x̄) − f* ≤ target, mean ± sample std over seeds {seeds} that reached it (k/m: only k of m did); η: the learning rate (tuned per cell when tune = true; a range when the seeds' differ).",
            "F1", showStd: true, noteName: "learning_rate");
        var results = grid.Cells.ToDictionary(cell => cell, cell => CompareCellRecord.Read(grid.CellFolder(cell))?.Quadratics);
        foreach (var entry in grid.Settings.Entries)
        {
            var cells = new List<CompareTableCell>();
            for (var c = 0; c < grid.Columns.Count; c++)
            {
                var found = grid.CellsOf(entry, c).Select(cell => results[cell]).OfType<QuadraticsCellResult>().ToList();
                var rates = found.Select(r => r.LearningRate).ToList();
                var note = rates.Count == 0 ? null : rates.Min() == rates.Max() ? $"η {rates[0]:G3}" : $"η {rates.Min():G3}–{rates.Max():G3}";
                cells.Add(new CompareTableCell(
                    [.. found.Where(r => r.StepsToTarget is not null).Select(r => (double)r.StepsToTarget!.Value)], grid.Seeds.Count,
                    note is null ? null : string.Create(Invariant, $"{note}"), rates.Count == 0 ? null : rates.Average()));
            }
            table.AddRow(entry.AlgorithmName, entry.TopologyName, null, cells);
        }
        var report = new CompareReport(grid, table, $"{grid.Settings.Name}: quadratics comparison");
        var scalability = new SvgLineChart("Steps to the target against the number of workers", "workers n", "steps until f(x̄) − f* ≤ target", logX: true, logY: true);
        foreach (var drop in grid.Columns.Select(c => c.DropProbability).Distinct())
        {
            foreach (var entry in grid.Settings.Entries)
            {
                var points = new List<(double, double)>();
                for (var c = 0; c < grid.Columns.Count; c++)
                {
                    if (grid.Columns[c].DropProbability != drop)
                        continue;
                    var steps = grid.CellsOf(entry, c).Select(cell => results[cell]?.StepsToTarget).OfType<long>().Select(s => (double)s).ToList();
                    points.Add((grid.Columns[c].Workers!.Value, SeedSummary.Of(steps).Mean));
                }
                var several = grid.Columns.Select(c => c.DropProbability).Distinct().Count() > 1;
                scalability.Add(several ? $"{entry.Label} p={CompareGrid.Number(drop)}" : entry.Label, points);
            }
        }
        report._plots.Add(("steps-to-target.svg", scalability.Title, scalability));
        for (var c = 0; c < grid.Columns.Count; c++)
        {
            var column = grid.Columns[c];
            var error = new SvgLineChart($"Error f(x̄) − f*, {column.Label}", "steps", "f(x̄) − f*", logY: true);
            foreach (var entry in grid.Settings.Entries)
            {
                var traces = grid.CellsOf(entry, c).Select(cell => QuadraticsCellRunner.ReadTrace(grid.CellFolder(cell))).Where(t => t.Count > 0).ToList();
                error.Add(entry.Label, MeanCurve(traces, p => p.Step, p => p.Step, p => p.Error));
            }
            report._plots.Add(($"error-steps-{FileKey(column)}.svg", error.Title, error));
        }
        return report;
    }

    private static List<(double X, double Y)> MeanCurve(IReadOnlyList<IReadOnlyList<TrainingEvaluation>> seeds, Func<TrainingEvaluation, double> x, Func<TrainingEvaluation, double> y) =>
        MeanCurve(seeds, e => e.Step, x, y);

    /// <summary>
    /// The mean over seeds at every step any seed recorded (x and y both averaged), over the seeds that have the
    /// step: training runs share their evaluation steps; a quadratics run stops at the target, so the mean at later
    /// steps is over the seeds still running.
    /// </summary>
    private static List<(double X, double Y)> MeanCurve<T>(IReadOnlyList<IReadOnlyList<T>> seeds, Func<T, long> step, Func<T, double> x, Func<T, double> y)
    {
        var sums = new SortedDictionary<long, (double X, double Y, int Count)>();
        foreach (var run in seeds)
        {
            foreach (var point in run)
            {
                sums.TryGetValue(step(point), out var sum);
                sums[step(point)] = (sum.X + x(point), sum.Y + y(point), sum.Count + 1);
            }
        }
        return [.. sums.Values.Select(s => (s.X / s.Count, s.Y / s.Count))];
    }

    /// <summary>A file-name form of the column: <c>alpha0.1</c>, <c>alpha0.1-p0.01</c>, <c>n6</c>.</summary>
    private static string FileKey(CompareColumn column) => column.Key.Replace("=", "", StringComparison.Ordinal).Replace(' ', '-');
}
