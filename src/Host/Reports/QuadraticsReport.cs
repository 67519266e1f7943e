using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Configuration;
using RelayActors.Models.Tasks;

namespace RelayActors.Host.Reports;

/// <summary>
/// Prints a quadratics run. Table: the problem, the trace (when asked), the tuning trials (when tuned) and a summary.
/// JSON lines: with a trace, <c>{"step": s, "error": e, "consensus_distance": c}</c> per step (s = steps done), then one
/// summary object <c>{"algorithm", "topology", "workers", "steps", "learning_rate", "final_error", "steps_to_target",
/// "seconds", "steps_per_second", ...}</c> with <c>steps_to_target</c> null when the target was not reached. After
/// <c>--tune</c>, the summary describes the best trial, <c>seconds</c> is the whole search and <c>trials</c> lists every trial.
/// </summary>
internal sealed class QuadraticsReport(ReportFormat format, TextWriter output)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void WriteHeader(QuadraticsExperimentSettings settings, TopologyKind topology, RandomQuadratics problem, string? treeLine)
    {
        if (format != ReportFormat.Table)
            return;
        output.WriteLine(string.Create(Invariant,
            $"random quadratics: n = {problem.Workers}, d = {problem.Dimension}, ζ² = {problem.Zeta2:G4}, μ = {(settings.Mu is { } mu ? mu.ToString("G4", Invariant) : "none")}, L = {settings.Smoothness:G4}, r0 = {settings.R0:G4}, σ = {settings.Noise:G4}, seed {settings.Seed}"));
        output.WriteLine($"{AlgorithmNames.Format(settings.Algorithm)} on {TopologyKindNames.Format(topology)}, target f(x̄) − f* ≤ {settings.Target.ToString("G3", Invariant)}, at most {settings.Steps} steps");
        if (settings.Algorithm == Algorithm.ChocoSgd)
            output.WriteLine(string.Create(Invariant, $"compressor {settings.Choco.Compressor}, consensus step γ = {settings.Choco.ConsensusStep:G4}"));
        if (treeLine is not null)
            output.WriteLine(treeLine);
    }

    public void WriteRun(QuadraticsResult result, TopologyKind topology, TimeSpan wall, IReadOnlyList<QuadraticsResult>? trials)
    {
        if (format == ReportFormat.Json)
            WriteJson(result, topology, wall, trials);
        else
            WriteTable(result, wall, trials);
    }

    private void WriteTable(QuadraticsResult result, TimeSpan wall, IReadOnlyList<QuadraticsResult>? trials)
    {
        if (result.Trace.Count > 1)
        {
            output.WriteLine($"{"step",8}  {"f(x̄) − f*",12}  {"consensus distance",18}");
            foreach (var step in result.Trace)
                output.WriteLine(string.Create(Invariant, $"{step.Step + 1,8}  {step.Error,12:E3}  {step.ConsensusDistance,18:E3}"));
        }
        if (trials is not null)
        {
            output.WriteLine($"{"learning rate",14}  {"steps to target",15}  {"final error",12}");
            foreach (var trial in trials)
                output.WriteLine(string.Create(Invariant, $"{trial.LearningRate,14:G4}  {(trial.Diverged ? "diverged" : trial.StepsToTarget?.ToString(Invariant) ?? "-"),15}  {trial.FinalError,12:E3}"));
        }
        var reached = result.StepsToTarget is { } s ? $"reached the target after {s} steps" : result.Diverged ? "diverged" : "did not reach the target";
        output.WriteLine(string.Create(Invariant,
            $"{AlgorithmNames.Format(result.Algorithm)}, learning rate {result.LearningRate:G4}: {reached}; final error {result.FinalError:E3}, consensus distance {result.FinalConsensusDistance:E3} after {result.StepsRun} steps"));
        var timing = trials is null
            ? string.Create(Invariant, $"{wall.TotalSeconds:F3} s wall ({StepsPerSecond(result, wall):F0} steps/s)")
            : string.Create(Invariant, $"{trials.Count} trials in {wall.TotalSeconds:F3} s wall");
        output.WriteLine(string.Create(Invariant,
            $"{result.MessagesSent} messages, {result.BytesSent} bytes; {timing}, {result.Elapsed.TotalMilliseconds:F1} ms on the run's clock"));
    }

    private void WriteJson(QuadraticsResult result, TopologyKind topology, TimeSpan wall, IReadOnlyList<QuadraticsResult>? trials)
    {
        var buffer = new ArrayBufferWriter<byte>();
        if (result.Trace.Count > 1)
        {
            foreach (var step in result.Trace)
            {
                WriteLine(buffer, json =>
                {
                    json.WriteNumber("step", step.Step + 1);
                    json.WriteNumber("error", step.Error);
                    json.WriteNumber("consensus_distance", step.ConsensusDistance);
                });
            }
        }
        WriteLine(buffer, json =>
        {
            json.WriteString("algorithm", AlgorithmNames.Format(result.Algorithm));
            json.WriteString("topology", TopologyKindNames.Format(topology));
            json.WriteNumber("workers", result.Workers);
            json.WriteNumber("steps", result.StepsRun);
            json.WriteNumber("learning_rate", result.LearningRate);
            WriteFinite(json, "final_error", result.FinalError);
            if (result.StepsToTarget is { } s)
                json.WriteNumber("steps_to_target", s);
            else
                json.WriteNull("steps_to_target");
            json.WriteNumber("seconds", wall.TotalSeconds);
            json.WriteNumber("steps_per_second", StepsPerSecond(result, wall));
            json.WriteBoolean("diverged", result.Diverged);
            WriteFinite(json, "consensus_distance", result.FinalConsensusDistance);
            json.WriteNumber("messages", result.MessagesSent);
            json.WriteNumber("bytes", result.BytesSent);
            if (trials is not null)
            {
                json.WriteStartArray("trials");
                foreach (var trial in trials)
                {
                    json.WriteStartObject();
                    json.WriteNumber("learning_rate", trial.LearningRate);
                    if (trial.StepsToTarget is { } ts)
                        json.WriteNumber("steps_to_target", ts);
                    else
                        json.WriteNull("steps_to_target");
                    WriteFinite(json, "final_error", trial.FinalError);
                    json.WriteBoolean("diverged", trial.Diverged);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
        });
    }

    private void WriteLine(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> body)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>JSON has no NaN or infinity: a diverged error is written as null.</summary>
    private static void WriteFinite(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, value);
        else
            json.WriteNull(name);
    }

    private static double StepsPerSecond(QuadraticsResult result, TimeSpan wall) =>
        wall > TimeSpan.Zero ? result.StepsRun / wall.TotalSeconds : 0;
}
