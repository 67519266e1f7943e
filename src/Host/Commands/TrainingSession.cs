using Microsoft.Extensions.Logging;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Training;
using RelayActors.Host.Configuration;
using RelayActors.Host.Reports;
using RelayActors.Models.Data;

namespace RelayActors.Host.Commands;

/// <summary>
/// One algorithm's run in its folder: resumes from the checkpoint when one with the same settings is there (a
/// finished run is not repeated), otherwise starts at step 0; then alternates segments of training with an
/// evaluation, a metrics row and a checkpoint, and writes the summary at the end.
/// </summary>
internal sealed class TrainingSession(
    TrainingExperimentSettings settings,
    Algorithm algorithm,
    RelayTopology topology,
    NetworkSettings network,
    Dataset train,
    Dataset test,
    TrainingFiles files,
    string description,
    ILoggerFactory logging,
    ISegmentExecutor? executor = null)
{
    /// <summary>
    /// The run of <paramref name="algorithm"/> with these settings: the same split and initial model wherever it is
    /// built, which is what lets the nodes of a cluster run build their copies from the config alone.
    /// </summary>
    public static TrainingRun BuildRun(TrainingExperimentSettings settings, Algorithm algorithm, RelayTopology topology, NetworkSettings network, Dataset train, Dataset test)
    {
        var stepsPerEpoch = train.Count / topology.Workers / settings.BatchSize;
        if (stepsPerEpoch == 0)
            throw new ArgumentException($"{topology.Workers} workers with batches of {settings.BatchSize} need at least {topology.Workers * settings.BatchSize} training samples; the data set has {train.Count}");
        return new TrainingRun(settings.ToRunSettings(algorithm, stepsPerEpoch), topology, train, test, network);
    }

    public TrainingRunSummary Run(TextWriter error)
    {
        var label = AlgorithmNames.Format(algorithm);
        var run = BuildRun(settings, algorithm, topology, network, train, test);
        var steps = run.Settings.Steps;
        if (File.Exists(files.Checkpoint))
        {
            TrainingCheckpoint.Read(files.Checkpoint, run, description);
            files.TruncateMetrics(run.CompletedSteps);
            if (run.CompletedSteps == steps && files.ReadSummary() is { } finished)
            {
                error.WriteLine($"{label}: finished earlier ({files.Directory}); use --fresh to run it again");
                return finished;
            }
            error.WriteLine($"{label}: resuming from the checkpoint at step {run.CompletedSteps}/{steps}");
        }
        else
        {
            files.Clear();
            error.WriteLine($"{label}: {steps} steps ({settings.Epochs:G4} epochs of {run.StepsPerEpoch} steps) on {topology.Workers} workers, learning rate {run.Settings.Optimizer.LearningRate:G4}, {run.Model.ParameterCount:N0} parameters; results in {files.Directory}");
        }
        var progress = new TrainingProgress(error, label, steps, run.CompletedSteps, run.StepsPerEpoch);
        var last = run.CompletedSteps == 0 ? Evaluate(run, progress) : null;
        while (run.CompletedSteps < steps)
        {
            var every = run.Settings.EvaluateEvery;
            var end = Math.Min(steps, ((run.CompletedSteps / every) + 1) * every);
            run.RunTo(end, executor ?? new LocalSegments(settings.Clock, logging), progress.Step);
            last = Evaluate(run, progress);
        }
        last ??= run.Evaluate();
        var summary = Summarize(run, last);
        files.WriteSummary(summary);
        return summary;
    }

    /// <summary>Evaluates, records the row, then checkpoints: a crash between the two leaves a row that the resume drops and re-creates.</summary>
    private TrainingEvaluation Evaluate(TrainingRun run, TrainingProgress progress)
    {
        var evaluation = run.Evaluate();
        files.TruncateMetrics(evaluation.Step - 1);
        files.AppendMetrics(evaluation);
        TrainingCheckpoint.Write(files.Checkpoint, run, description);
        progress.Evaluated(evaluation);
        return evaluation;
    }

    private TrainingRunSummary Summarize(TrainingRun run, TrainingEvaluation e) => new(
        AlgorithmNames.Format(algorithm),
        TopologyKindNames.Format(TopologyChoice.KindFor(algorithm, settings.Topology)),
        topology.Workers,
        TrainingNames.Models.Format(settings.Model),
        run.Model.ParameterCount,
        $"{TrainingNames.Datasets.Format(settings.Dataset)} ({train.Count} train, {test.Count} test)",
        TrainingNames.Splits.Format(settings.Split),
        settings.Alpha,
        e.Step,
        e.Epoch,
        settings.Seed,
        run.Settings.Optimizer.LearningRate,
        e.WorstAccuracy,
        e.MeanAccuracy,
        e.AverageModelAccuracy,
        e.ConsensusDistance,
        e.TrainLoss,
        e.Messages,
        e.Bytes,
        e.Elapsed.TotalSeconds,
        e.WorkerAccuracy);
}
