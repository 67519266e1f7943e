using RelayActors.Actors.Baselines;
using RelayActors.Actors.Relay;

namespace RelayActors.Actors.Workers;

/// <summary>
/// How to run one algorithm on a random-quadratics problem: SGD with a constant <see cref="LearningRate"/> for at most
/// <see cref="Steps"/> steps, stopping early at f(x̄) − f* ≤ <see cref="Target"/> when <see cref="StopAtTarget"/>.
/// Steps are gradient steps; with <see cref="LocalSteps"/> = H the workers communicate after every H of them.
/// </summary>
public sealed record QuadraticsRunSettings
{
    public required Algorithm Algorithm { get; init; }

    public required double LearningRate
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The learning rate must be finite and positive");
    }

    public required long Steps
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, "At least one step is needed");
    }

    /// <summary>H ≥ 1: gradient steps between communications. The budget rounds up to whole rounds of H, and errors are measured after each round.</summary>
    public int LocalSteps
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(LocalSteps), value, "At least one local step per communication is needed");
    } = 1;

    /// <summary>Node steps (communication rounds) of the budget: ⌈<see cref="Steps"/> / <see cref="LocalSteps"/>⌉.</summary>
    public long Rounds => (Steps + LocalSteps - 1) / LocalSteps;

    /// <summary>The error f(x̄) − f* counted as reached (1e-6 in the paper's scalability figure).</summary>
    public double Target
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Target), value, "The target must be finite and positive");
    } = 1e-6;

    public bool StopAtTarget { get; init; } = true;

    /// <summary>Keep every step's error and consensus distance, not only the last.</summary>
    public bool Trace { get; init; }

    /// <summary>RelaySGD's fill for workers not heard from.</summary>
    public RelayFill Fill { get; init; } = RelayFill.InitialModel;

    /// <summary>Choco-SGD's compressor and consensus step.</summary>
    public ChocoSettings Choco
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Choco));
    } = new();

    /// <summary>Seed of the gradient noise, the network's random draws and Choco-SGD's random compressors.</summary>
    public int Seed { get; init; }
}
