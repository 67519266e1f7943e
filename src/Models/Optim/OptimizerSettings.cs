using System.Numerics;

namespace RelayActors.Models.Optim;

/// <summary>
/// A worker's base optimizer and its hyper-parameters. Defaults are PyTorch's, except the learning rate, which is the
/// CIFAR-10 all-reduce rate of spec §5.1. <see cref="LearningRate"/> is the base rate η that a
/// <see cref="LearningRateSchedule"/> scales; the optimizer itself takes the rate per step.
/// </summary>
/// <param name="Kind">SGD or Adam.</param>
/// <param name="LearningRate">Base learning rate η ≥ 0.</param>
/// <param name="Momentum">SGD momentum μ in [0, 1); 0 turns it off. Ignored by Adam.</param>
/// <param name="Nesterov">SGD Nesterov momentum (needs <see cref="Momentum"/> &gt; 0). Ignored by Adam.</param>
/// <param name="WeightDecay">λ ≥ 0, the L2 coefficient added to the gradient (both kinds).</param>
/// <param name="Beta1">Adam's β₁ in [0, 1). Ignored by SGD.</param>
/// <param name="Beta2">Adam's β₂ in [0, 1). Ignored by SGD.</param>
/// <param name="Epsilon">Adam's ε &gt; 0. Ignored by SGD.</param>
public sealed record OptimizerSettings(
    OptimizerKind Kind = OptimizerKind.Sgd,
    double LearningRate = 0.1,
    double Momentum = 0,
    bool Nesterov = false,
    double WeightDecay = 0,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad value.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown optimizer kind");
        OptimizerGuard.RequireNonNegative(LearningRate, nameof(LearningRate));
        OptimizerGuard.RequireNonNegative(WeightDecay, nameof(WeightDecay));
        if (Kind == OptimizerKind.Sgd)
        {
            OptimizerGuard.RequireFraction(Momentum, nameof(Momentum));
            if (Nesterov && Momentum == 0)
                throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Nesterov momentum needs a momentum above 0");
        }
        else
        {
            OptimizerGuard.RequireFraction(Beta1, nameof(Beta1));
            OptimizerGuard.RequireFraction(Beta2, nameof(Beta2));
            OptimizerGuard.RequirePositive(Epsilon, nameof(Epsilon));
        }
    }

    /// <summary>A fresh optimizer of <see cref="Kind"/> with zero state for <paramref name="parameterCount"/> parameters.</summary>
    public ILocalOptimizer<T> Create<T>(int parameterCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate();
        return Kind switch
        {
            OptimizerKind.Sgd => new SgdOptimizer<T>(parameterCount, T.CreateChecked(Momentum), Nesterov, T.CreateChecked(WeightDecay)),
            OptimizerKind.Adam => new AdamOptimizer<T>(parameterCount, T.CreateChecked(Beta1), T.CreateChecked(Beta2),
                T.CreateChecked(Epsilon), T.CreateChecked(WeightDecay)),
            _ => throw new InvalidOperationException($"Unknown optimizer kind {Kind}; Validate should have rejected it"),
        };
    }
}
