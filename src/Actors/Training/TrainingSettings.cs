using RelayActors.Actors.Baselines;
using RelayActors.Actors.Relay;
using RelayActors.Models.Data;
using RelayActors.Models.Networks;
using RelayActors.Models.Optim;

namespace RelayActors.Actors.Training;

/// <summary>
/// One decentralized training run: algorithm, model, data split, optimizer, schedule and budget. The defaults are
/// the reference's CIFAR-10 choices where they carry over (batch 32 per worker, spec §5.1); the topology, the data
/// and the network come separately.
/// </summary>
public sealed record TrainingSettings
{
    public Algorithm Algorithm { get; init; } = Algorithm.RelaySgd;

    /// <summary>RelaySGD's fill for workers not heard from (spec §1.2).</summary>
    public RelayFill Fill { get; init; } = RelayFill.InitialModel;

    /// <summary>Choco-SGD's compressor and consensus step.</summary>
    public ChocoSettings Choco
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Choco));
    } = new();

    public ModelKind Model { get; init; } = ModelKind.LeNet;

    /// <summary>Samples per worker per step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Gradient steps of the whole run (every worker takes each step once); a multiple of <see cref="LocalSteps"/>.</summary>
    public long Steps { get; init; } = 1000;

    /// <summary>Evaluate (and checkpoint) every this many gradient steps, and after the last; a multiple of <see cref="LocalSteps"/>.</summary>
    public long EvaluateEvery { get; init; } = 100;

    /// <summary>H ≥ 1: gradient steps between communications (local SGD); a worker's node step is H of them.</summary>
    public int LocalSteps { get; init; } = 1;

    public OptimizerSettings Optimizer { get; init; } = new();

    /// <summary>Linear warm-up from 0 over this many epochs (spec §5.1 uses 5 of 200).</summary>
    public double WarmupEpochs { get; init; }

    /// <summary>Epochs at which the learning rate is multiplied by <see cref="DecayFactor"/>, ascending.</summary>
    public IReadOnlyList<double> DecayEpochs { get; init; } = [];

    public double DecayFactor { get; init; } = 0.1;

    public SplitKind Split { get; init; } = SplitKind.Dirichlet;

    /// <summary>Dirichlet concentration α &gt; 0 (1 mild, 0.01 extreme heterogeneity); ignored by the uniform split.</summary>
    public double Alpha { get; init; } = 0.1;

    public AugmentationSettings Augmentation { get; init; } = AugmentationSettings.None;

    /// <summary>Test samples each evaluation uses (the first ones of the test set); 0 = all.</summary>
    public int EvaluationSamples { get; init; }

    /// <summary>Seeds the initial model, the split, the batches, dropout, the network and Choco-SGD's random compressors.</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting and its value.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Algorithm))
            throw new ArgumentOutOfRangeException(nameof(Algorithm), Algorithm, "Unknown algorithm");
        if (!Enum.IsDefined(Model))
            throw new ArgumentOutOfRangeException(nameof(Model), Model, "Unknown model");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EvaluateEvery);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LocalSteps);
        if (Steps % LocalSteps != 0 || EvaluateEvery % LocalSteps != 0)
            throw new ArgumentException($"Steps ({Steps}) and EvaluateEvery ({EvaluateEvery}) must be multiples of LocalSteps ({LocalSteps}): workers communicate, and can be evaluated, only between rounds of {LocalSteps} gradient steps");
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupEpochs);
        ArgumentOutOfRangeException.ThrowIfNegative(EvaluationSamples);
        if (Split == SplitKind.Dirichlet && !(Alpha > 0 && double.IsFinite(Alpha)))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "The Dirichlet split needs a finite α > 0");
        Optimizer.Validate();
    }
}
