using System.Globalization;
using System.Text;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Models.Tasks;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>
/// A quadratics cell: one algorithm on the random quadratics of spec §4.2 until the target, at the row's learning
/// rate, or with <c>tune = true</c> (and no rate in the row) at the best of <see cref="LearningRateSearch"/> — the
/// paper's "learning rate tuned per point". Writes the error per step of that run to <c>trace.csv</c> and the result
/// into <c>cell.json</c>.
/// </summary>
internal sealed class QuadraticsCellRunner(int searchParallelism) : ICompareCellRunner
{
    public const string TraceFile = "trace.csv";

    public CompareFailure? Check(CompareCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        try
        {
            var s = QuadraticsExperimentSettings.FromConfig(cell.Config);
            NetworkSettings.FromConfig(cell.Config).Validate();
            return CompareFailure.OfTopology(cell.Id, s.Algorithm, s.Topology, s.Workers, s.SpanningTree, s.Root);
        }
        catch (Exception ex) when (ex is ConfigurationException or ArgumentException)
        {
            return new CompareFailure(ExitCodes.InvalidArguments, $"{cell.Id}: {ex.Message}");
        }
    }

    /// <summary>The quadratics and network sections over their defaults, keys sorted.</summary>
    public string Identity(CompareCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var merged = cell.Config
            .WithFallback(Config.Parse(QuadraticsExperimentSettings.Reference))
            .WithFallback(Config.Parse(NetworkSettings.Reference));
        return $"quadratics = {merged.GetConfig(QuadraticsExperimentSettings.ConfigPath).RenderCanonical()}; network = {merged.GetConfig(NetworkSettings.ConfigPath).RenderCanonical()}".ReplaceLineEndings(" ");
    }

    public bool HasResults(CompareCell cell, string folder) => File.Exists(Path.Combine(folder, TraceFile));

    public int Run(CompareCell cell, string folder, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(log);
        var settings = QuadraticsExperimentSettings.FromConfig(cell.Config);
        var network = NetworkSettings.FromConfig(cell.Config);
        var kind = TopologyChoice.KindFor(settings.Algorithm, settings.Topology);
        var topology = TopologyChoice.Build(kind, settings.Workers, settings.SpanningTree, settings.Root, out _);
        RandomQuadratics problem;
        try
        {
            problem = RandomQuadratics.Create(settings.ToProblemSettings());
        }
        catch (ArgumentException ex)
        {
            log.WriteLine($"{cell.Id}: invalid quadratics problem: {ex.Message}");
            return ExitCodes.InvalidArguments;
        }
        try
        {
            QuadraticsResult Trial(double rate, bool trace) =>
                QuadraticsRun.Execute(problem, topology, QuadraticsCommand.RunSettings(settings, rate, trace), network, settings.Clock);
            var tune = settings.Tune && cell.Entry.LearningRate is null;
            IReadOnlyList<QuadraticsResult> trials = tune ? LearningRateSearch.Run(rate => Trial(rate, trace: false), searchParallelism).Trials : [];
            var rate = tune ? LearningRateSearch.Best(trials).LearningRate : settings.LearningRate;
            // The chosen run once more with its trace for the plots: runs are deterministic, so it is the trial itself.
            var best = Trial(rate, trace: true);
            Directory.CreateDirectory(folder);
            WriteTrace(Path.Combine(folder, TraceFile), best);
            var result = new QuadraticsCellResult(
                AlgorithmNames.Format(settings.Algorithm), TopologyKindNames.Format(kind), settings.Workers, settings.Seed, rate, tune,
                best.StepsToTarget, best.FinalError, best.Diverged, best.StepsRun,
                [.. trials.Select(t => new QuadraticsTrial(t.LearningRate, t.StepsToTarget, t.FinalError, t.Diverged))]);
            new CompareCellRecord(Identity(cell), result).Write(folder);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            log.WriteLine($"{cell.Id}: the run failed: {ex.Message}");
            return ExitCodes.RunFailed;
        }
    }

    /// <summary>The (step, error) pairs of a cell's <c>trace.csv</c>; none when the file is missing.</summary>
    public static IReadOnlyList<(long Step, double Error)> ReadTrace(string folder)
    {
        var path = Path.Combine(folder, TraceFile);
        if (!File.Exists(path))
            return [];
        var points = new List<(long, double)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            points.Add((long.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        return points;
    }

    private static void WriteTrace(string path, QuadraticsResult result)
    {
        var text = new StringBuilder("step,error,consensus_distance\n");
        foreach (var step in result.Trace)
            text.Append(CultureInfo.InvariantCulture, $"{step.Step + 1},{step.Error:R},{step.ConsensusDistance:R}\n");
        File.WriteAllText(path + ".tmp", text.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
