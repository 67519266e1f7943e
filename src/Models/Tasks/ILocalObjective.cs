using System.Numerics;

namespace RelayActors.Models.Tasks;

/// <summary>
/// One worker's local objective f_i: what a decentralized algorithm needs from the model side. Implementations own
/// their seeded randomness (mini-batch order, gradient noise) and allocate nothing per call after construction.
/// </summary>
public interface ILocalObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of parameters.</summary>
    int Dimension { get; }

    /// <summary>
    /// A (stochastic) gradient of f_i at <paramref name="parameters"/> for step <paramref name="step"/>, written into
    /// <paramref name="gradient"/>. Objectives whose randomness is a function of the step (mini-batches, dropout)
    /// need no state beyond it, so a resumed run draws exactly what the uninterrupted one would.
    /// </summary>
    void Gradient(long step, ReadOnlySpan<T> parameters, Span<T> gradient);
}
