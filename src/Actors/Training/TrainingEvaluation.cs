namespace RelayActors.Actors.Training;

/// <summary>
/// The metrics of one evaluation, after <see cref="Step"/> completed steps. Accuracies are fractions in [0, 1] on the
/// evaluation part of the test set; <see cref="WorstAccuracy"/> is the paper's table metric (minimum over workers).
/// </summary>
/// <param name="Step">Completed steps.</param>
/// <param name="Epoch">Completed epochs (fractional): steps / steps per epoch.</param>
/// <param name="TrainLoss">Mean mini-batch loss over workers and the steps since the previous evaluation (NaN at step 0).</param>
/// <param name="WorkerAccuracy">Test accuracy of each worker's model, by worker id.</param>
/// <param name="MeanAccuracy">Mean of <paramref name="WorkerAccuracy"/>.</param>
/// <param name="WorstAccuracy">Minimum of <paramref name="WorkerAccuracy"/>.</param>
/// <param name="AverageModelAccuracy">Test accuracy of the average of the workers' models.</param>
/// <param name="AverageModelLoss">Test loss of the averaged model.</param>
/// <param name="ConsensusDistance">(1/n) Σ_i ||x_i − x̄||².</param>
/// <param name="Messages">Messages sent by all workers since the run began.</param>
/// <param name="Bytes">Bytes those messages carried (payload + header).</param>
/// <param name="Elapsed">Wall time the run has spent training and evaluating so far (across resumes).</param>
public sealed record TrainingEvaluation(
    long Step,
    double Epoch,
    double TrainLoss,
    IReadOnlyList<double> WorkerAccuracy,
    double MeanAccuracy,
    double WorstAccuracy,
    double AverageModelAccuracy,
    double AverageModelLoss,
    double ConsensusDistance,
    long Messages,
    long Bytes,
    TimeSpan Elapsed);
