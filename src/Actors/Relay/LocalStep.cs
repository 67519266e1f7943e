using System.Numerics;
using RelayActors.Models.Optim;
using RelayActors.Models.State;
using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Relay;

/// <summary>
/// A worker's local computation, never communicated (spec §1.2, "local momentum"): the gradient of its objective
/// and its own optimizer step with the learning rate of the step. Owns the gradient buffer, so calls allocate nothing.
/// </summary>
/// <remarks>
/// Its checkpoint state is the optimizer's: the objective draws its randomness from the step and the schedule is a
/// function of the step, and the gradient buffer is rewritten by every call.
/// </remarks>
public sealed class LocalStep<T> : ICheckpointable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ILocalObjective<T> _objective;
    private readonly ILocalOptimizer<T> _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly T[] _gradient;

    public LocalStep(ILocalObjective<T> objective, ILocalOptimizer<T> optimizer, LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedule);
        _objective = objective;
        _optimizer = optimizer;
        _schedule = schedule;
        _gradient = new T[objective.Dimension];
    }

    /// <summary>Plain SGD with a constant learning rate (the quadratics experiments).</summary>
    public static LocalStep<T> Sgd(ILocalObjective<T> objective, double learningRate) =>
        new(objective, new SgdOptimizer<T>(objective?.Dimension ?? throw new ArgumentNullException(nameof(objective)), T.Zero, false, T.Zero), LearningRateSchedule.Constant(learningRate));

    public int Dimension => _gradient.Length;

    /// <summary>The learning rate of <paramref name="step"/>.</summary>
    public T RateAt(long step) => T.CreateChecked(_schedule.RateAt(step));

    /// <summary>x ← Opt(x, ∇f_i(x)) in place: the half-step model x^{(t+1/2)}.</summary>
    public void Apply(long step, Span<T> parameters)
    {
        _objective.Gradient(step, parameters, _gradient);
        _optimizer.Step(parameters, _gradient, RateAt(step));
    }

    /// <summary>u = Opt(x, ∇f_i(x)) − x into <paramref name="update"/>, advancing the optimizer state (RelaySGD/Grad, D², gradient tracking).</summary>
    public void ComputeUpdate(long step, ReadOnlySpan<T> parameters, Span<T> update)
    {
        _objective.Gradient(step, parameters, _gradient);
        _optimizer.ComputeUpdate(parameters, _gradient, RateAt(step), update);
    }

    public void WriteState(BinaryWriter writer) => _optimizer.WriteState(writer);

    public void ReadState(BinaryReader reader) => _optimizer.ReadState(reader);
}
