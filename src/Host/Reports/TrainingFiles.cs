using System.Globalization;
using System.Text;
using System.Text.Json;
using RelayActors.Actors.Training;

namespace RelayActors.Host.Reports;

/// <summary>
/// A training run's folder: <c>metrics.csv</c> (one row per evaluation, with every worker's accuracy),
/// <c>summary.json</c> (settings and final metrics) and the checkpoint. Rows are appended as evaluations happen, so
/// a crash loses nothing before the last evaluation; a resume drops rows past the checkpoint's step.
/// </summary>
internal sealed class TrainingFiles
{
    /// <summary>Columns of a metrics row before the per-worker accuracies.</summary>
    private const int MetricsColumns = 11;

    public TrainingFiles(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public string Metrics => Path.Combine(Directory, "metrics.csv");

    public string Summary => Path.Combine(Directory, "summary.json");

    public string Checkpoint => Path.Combine(Directory, TrainingCheckpoint.FileName);

    /// <summary>Deletes the results of an earlier run in this folder.</summary>
    public void Clear()
    {
        foreach (var file in new[] { Metrics, Summary, Checkpoint })
            File.Delete(file);
    }

    /// <summary>
    /// Keeps the rows up to <paramref name="step"/> (a resume continues from there) and drops a row cut short by a
    /// crash; the file is replaced atomically, so a crash here loses nothing either.
    /// </summary>
    public void TruncateMetrics(long step)
    {
        if (!File.Exists(Metrics))
            return;
        var lines = File.ReadAllLines(Metrics);
        if (lines.Length == 0)
            return;
        var commas = lines[0].Count(c => c == ',');
        var kept = lines.Take(1).Concat(lines.Skip(1).Where(line => RowStep(line, commas) is { } row && row <= step)).ToList();
        if (kept.Count == lines.Length)
            return;
        var temporary = Metrics + ".tmp";
        File.WriteAllLines(temporary, kept);
        File.Move(temporary, Metrics, overwrite: true);
    }

    /// <summary>The step of a metrics row, or null for a row that is not complete (fewer columns than the header's).</summary>
    private static long? RowStep(string line, int commas)
    {
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && line.Count(c => c == ',') == commas && long.TryParse(line.AsSpan(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            ? step
            : null;
    }

    /// <summary>Appends one evaluation (writes the header first in a new file).</summary>
    public void AppendMetrics(TrainingEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var line = new StringBuilder();
        if (!File.Exists(Metrics))
        {
            line.Append("step,epoch,time_s,train_loss,worst_accuracy,mean_accuracy,averaged_model_accuracy,averaged_model_loss,consensus_distance,messages,bytes");
            for (var i = 0; i < e.WorkerAccuracy.Count; i++)
                line.Append(CultureInfo.InvariantCulture, $",accuracy_worker_{i}");
            line.AppendLine();
        }
        line.Append(CultureInfo.InvariantCulture,
            $"{e.Step},{e.Epoch:G6},{e.Elapsed.TotalSeconds:F3},{(double.IsNaN(e.TrainLoss) ? "" : e.TrainLoss.ToString("G6", CultureInfo.InvariantCulture))},{e.WorstAccuracy:G6},{e.MeanAccuracy:G6},{e.AverageModelAccuracy:G6},{e.AverageModelLoss:G6},{e.ConsensusDistance:G6},{e.Messages},{e.Bytes}");
        foreach (var accuracy in e.WorkerAccuracy)
            line.Append(CultureInfo.InvariantCulture, $",{accuracy:G6}");
        line.AppendLine();
        File.AppendAllText(Metrics, line.ToString());
    }

    /// <summary>The evaluations in <c>metrics.csv</c> (none when there is no file), as <see cref="AppendMetrics"/> wrote them; a row cut short by a crash is skipped.</summary>
    public IReadOnlyList<TrainingEvaluation> ReadMetrics()
    {
        if (!File.Exists(Metrics))
            return [];
        var lines = File.ReadAllLines(Metrics);
        var evaluations = new List<TrainingEvaluation>();
        for (var row = 1; row < lines.Length; row++)
        {
            var f = lines[row].Split(',');
            if (f.Length != lines[0].Split(',').Length)
                continue;
            double D(int i) => f[i].Length == 0 ? double.NaN : double.Parse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            long L(int i) => long.Parse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture);
            var workers = new double[f.Length - MetricsColumns];
            for (var w = 0; w < workers.Length; w++)
                workers[w] = D(MetricsColumns + w);
            evaluations.Add(new TrainingEvaluation(L(0), D(1), D(3), workers, D(5), D(4), D(6), D(7), D(8), L(9), L(10), TimeSpan.FromSeconds(D(2))));
        }
        return evaluations;
    }

    /// <summary>Writes <c>summary.json</c>: what ran, the final evaluation and how long it took.</summary>
    public void WriteSummary(TrainingRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var temporary = Summary + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(summary, SummaryJson.Default.TrainingRunSummary));
        File.Move(temporary, Summary, overwrite: true);
    }

    /// <summary>The summary of a finished run, or null when there is none or it cannot be read (it is then written anew).</summary>
    public TrainingRunSummary? ReadSummary()
    {
        if (!File.Exists(Summary))
            return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Summary), SummaryJson.Default.TrainingRunSummary);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
