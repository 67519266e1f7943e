using System.Globalization;
using System.Text;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Training;
using RelayActors.Host.Configuration;
using RelayActors.Models.Data;

namespace RelayActors.Host.Reports;

/// <summary>The console side of <c>relay train</c>: what runs, then the algorithms side by side (also saved as Markdown).</summary>
internal sealed class TrainingTable(TextWriter output)
{
    public void WriteHeader(TrainingExperimentSettings s, RelayTopology topology, string? treeLine, Dataset train, Dataset test)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var split = s.Split == SplitKind.Dirichlet ? $"dirichlet α = {s.Alpha.ToString(CultureInfo.InvariantCulture)}" : "uniform";
        output.WriteLine($"relay train: {TrainingNames.Models.Format(s.Model)} on {train.Name} ({train.Count} train / {test.Count} test, {train.Shape}, {train.Classes} classes), {s.Workers} workers on a {TopologyKindNames.Format(s.Topology)}, {split} split");
        if (treeLine is not null)
            output.WriteLine(treeLine);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Epochs:G4} epochs, batch {s.BatchSize} per worker, {TrainingNames.Optimizers.Format(s.Optimizer.Kind)} lr {s.Optimizer.LearningRate:G4} momentum {s.Optimizer.Momentum:G3}{(s.Optimizer.Nesterov ? " (nesterov)" : "")} weight decay {s.Optimizer.WeightDecay:G3}, seed {s.Seed}, {s.Clock.ToString().ToLowerInvariant()} clock"));
    }

    /// <summary>Prints the comparison and writes it to <c>&lt;folder&gt;/summary.md</c>.</summary>
    public void WriteComparison(IReadOnlyList<TrainingRunSummary> runs, string folder)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var text = new StringBuilder();
        text.AppendLine("| algorithm | topology | worst worker | mean worker | averaged model | consensus distance | MB sent | time |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Algorithm} | {r.Topology} | {100 * r.WorstAccuracy:F2}% | {100 * r.MeanAccuracy:F2}% | {100 * r.AveragedModelAccuracy:F2}% | {r.ConsensusDistance:G3} | {r.Bytes / 1e6:F1} | {r.Seconds:F1} s |"));
        }
        output.WriteLine();
        output.Write(text.ToString());
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "summary.md"), text.ToString());
        output.WriteLine();
        output.WriteLine($"Worst worker: test accuracy of the weakest worker's own model (the paper's table metric). Results: {folder}/");
    }
}
