using System.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Models.Optim;

/// <summary>
/// A worker's base optimizer over one flat parameter buffer, with its own state (momentum, moments). Decentralized
/// algorithms either step in place (<see cref="Step"/>) or take the update u = x⁺ − x to relay or average
/// (<see cref="ComputeUpdate"/>, as RelaySGD/Grad does). Both advance the state once and allocate nothing. The state
/// (not the hyper-parameters, which come from the constructor) is what a checkpoint saves.
/// </summary>
public interface ILocalOptimizer<T> : ICheckpointable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of parameters the state is sized for; every span passed in must have this length.</summary>
    int ParameterCount { get; }

    /// <summary>x ← x + u for the update u of <see cref="ComputeUpdate"/>: one optimizer step on <paramref name="parameters"/>.</summary>
    void Step(Span<T> parameters, ReadOnlySpan<T> gradient, T learningRate);

    /// <summary>
    /// Writes u = x⁺ − x into <paramref name="update"/> (parameters unchanged) and advances the state exactly as
    /// <see cref="Step"/> would. <paramref name="update"/> may be the gradient's or the parameters' buffer.
    /// </summary>
    void ComputeUpdate(ReadOnlySpan<T> parameters, ReadOnlySpan<T> gradient, T learningRate, Span<T> update);

    /// <summary>Forgets all state, as if freshly constructed.</summary>
    void Reset();
}
