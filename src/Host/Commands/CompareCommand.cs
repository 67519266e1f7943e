using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>
/// <c>relay compare</c>: runs a grid of training or quadratics experiments from one configuration (rows: algorithm on
/// a topology; columns: α or n and drop probability; seeds) and writes a paper-style report: <c>table.md</c>,
/// <c>table.csv</c>, SVG plots and <c>index.html</c>. Finished cells are reused, interrupted training cells resume
/// from their checkpoints, and a cell whose settings changed is refused unless <c>--fresh</c>.
/// </summary>
internal static class CompareCommand
{
    private const string Section = CompareSettings.ConfigPath;

    private static readonly ConfigFlag[] Flags =
    [
        new("--name", $"{Section}.name", "Comparison name: results go to <output>/<name>/."),
        new("--parallel", $"{Section}.parallel", "Cells run at once (default: 1 for training, the core count for quadratics)."),
    ];

    private static readonly Option<bool> FreshOption = new("--fresh") { Description = "Delete the grid's earlier cell results and run every cell again (by default finished cells are reused and interrupted ones resume)." };

    public static Command Create()
    {
        var command = new Command("compare", "Run a grid of experiments (algorithms × topologies × α or n × seeds) from a HOCON file and write a paper-style table, plots and index.html.");
        foreach (var flag in Flags)
            command.Options.Add(flag.Option);
        command.Options.Add(FreshOption);
        command.Options.Add(CommonOptions.Config);
        command.Options.Add(CommonOptions.Set);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            Config config;
            CompareSettings settings;
            try
            {
                config = ExperimentConfig.Load(parseResult.GetValue(CommonOptions.Config), Flags.Select(f => f.Assignment(parseResult)).OfType<string>(), parseResult.GetValue(CommonOptions.Set) ?? []);
                settings = CompareSettings.FromConfig(config);
            }
            catch (ConfigurationException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidArguments;
            }
            return Execute(config, settings, parseResult.GetValue(FreshOption), parseResult.InvocationConfiguration.Output, error).ExitCode;
        });
        return command;
    }

    /// <summary>Checks every cell, runs those without results, then writes the report; returns the exit code and how many cells ran.</summary>
    public static CompareOutcome Execute(Config config, CompareSettings settings, bool fresh, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        CompareGrid grid;
        Func<CompareEntry, string> learningRateOf;
        try
        {
            grid = CompareGrid.Build(settings, config);
            learningRateOf = LearningRates(settings, config);
        }
        catch (ConfigurationException ex)
        {
            error.WriteLine(ex.Message);
            return new CompareOutcome(ExitCodes.InvalidArguments, 0, 0);
        }
        var parallel = settings.EffectiveParallel;
        ICompareCellRunner runner = settings.Kind == CompareKind.Training
            ? new TrainingCellRunner()
            : new QuadraticsCellRunner(Math.Max(1, Environment.ProcessorCount / parallel));
        foreach (var cell in grid.Cells)
        {
            if (runner.Check(cell) is { } failure)
            {
                error.WriteLine(failure.Message);
                return new CompareOutcome(failure.ExitCode, 0, 0);
            }
        }
        var todo = new List<CompareCell>();
        foreach (var cell in grid.Cells)
        {
            var folder = grid.CellFolder(cell);
            var identity = runner.Identity(cell);
            var record = fresh ? null : CompareCellRecord.Read(folder);
            if (record is not null && record.Identity != identity)
            {
                error.WriteLine($"Cell {cell.Id} finished earlier under other settings ({folder}); run with --fresh to run the grid again, or choose another {Section}.name.");
                error.WriteLine($"Earlier: {record.Identity}");
                error.WriteLine($"Now:     {identity}");
                return new CompareOutcome(ExitCodes.InvalidArguments, 0, 0);
            }
            if (fresh && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            if (record is null || !runner.HasResults(cell, folder))
                todo.Add(cell);
        }
        var reused = grid.Cells.Count - todo.Count;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"relay compare {settings.Name}: {grid.Cells.Count} cells ({settings.Entries.Count} rows × {grid.Columns.Count} columns × {grid.Seeds.Count} seeds), {todo.Count} to run, {reused} finished earlier; {parallel} at a time; results in {grid.Folder}"));
        var exitCode = RunCells(grid, runner, todo, parallel, error);
        var report = CompareReport.Build(grid, learningRateOf);
        report.Write();
        output.WriteLine(report.Table.ToMarkdown());
        output.WriteLine($"cells: {todo.Count} run, {reused} reused. Report: {Path.Combine(grid.Folder, "index.html")}");
        return new CompareOutcome(exitCode, todo.Count, reused);
    }

    /// <summary>Runs the cells, <paramref name="parallel"/> at a time, with a line per start (n of N, time left) and per end; the first failure's exit code, else success.</summary>
    private static int RunCells(CompareGrid grid, ICompareCellRunner runner, List<CompareCell> todo, int parallel, TextWriter error)
    {
        var log = TextWriter.Synchronized(error);
        var clock = Stopwatch.StartNew();
        var gate = new Lock();
        int started = 0, finished = 0, exitCode = ExitCodes.Success;
        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = parallel }, cell =>
        {
            int number;
            string left;
            lock (gate)
            {
                number = ++started;
                left = finished == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", about {FormatDuration(clock.Elapsed / finished * (todo.Count - finished) / Math.Min(parallel, todo.Count))} left");
            }
            log.WriteLine($"[{number}/{todo.Count}] {cell.Id}{left}");
            var cellClock = Stopwatch.StartNew();
            var code = runner.Run(cell, grid.CellFolder(cell), log);
            lock (gate)
            {
                finished++;
                if (code != ExitCodes.Success && exitCode == ExitCodes.Success)
                    exitCode = code;
            }
            log.WriteLine(code == ExitCodes.Success
                ? $"[{number}/{todo.Count}] {cell.Id} done in {FormatDuration(cellClock.Elapsed)}"
                : $"[{number}/{todo.Count}] {cell.Id} failed (exit code {code}); the report shows it as missing");
        });
        return exitCode;
    }

    /// <summary>The learning-rate column of a training table: the row's own, else the training section's for the algorithm.</summary>
    private static Func<CompareEntry, string> LearningRates(CompareSettings settings, Config config)
    {
        if (settings.Kind != CompareKind.Training)
            return _ => "";
        var training = TrainingExperimentSettings.FromConfig(config);
        return entry => (entry.LearningRate ?? training.LearningRateOf(entry.Algorithm)).ToString("G4", CultureInfo.InvariantCulture);
    }

    private static string FormatDuration(TimeSpan time) =>
        time.TotalMinutes >= 90 ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalHours:F1} h")
        : time.TotalSeconds >= 90 ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalMinutes:F0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:F0} s");
}

/// <summary>How a comparison went: the exit code, the cells that ran now and those reused from earlier runs.</summary>
internal sealed record CompareOutcome(int ExitCode, int Ran, int Reused);
