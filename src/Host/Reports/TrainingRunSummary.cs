using System.Text.Json.Serialization;

namespace RelayActors.Host.Reports;

/// <summary>What <c>summary.json</c> holds for one algorithm's run. Accuracies are fractions in [0, 1].</summary>
internal sealed record TrainingRunSummary(
    string Algorithm,
    string Topology,
    int Workers,
    string Model,
    int Parameters,
    string Dataset,
    string Split,
    double Alpha,
    long Steps,
    double Epochs,
    int Seed,
    double LearningRate,
    double WorstAccuracy,
    double MeanAccuracy,
    double AveragedModelAccuracy,
    double ConsensusDistance,
    double TrainLoss,
    long Messages,
    long Bytes,
    double Seconds,
    IReadOnlyList<double> WorkerAccuracy);

/// <summary>Source-generated JSON for the summary (no reflection; indented for people reading the file).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TrainingRunSummary))]
internal sealed partial class SummaryJson : JsonSerializerContext;
