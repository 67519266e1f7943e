using System.Numerics;
using RelayActors.Models.Numerics;
using RelayActors.Models.Optim;
using RelayActors.Models.State;
using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Relay;

/// <summary>
/// A worker's local computation, never communicated (spec §1.2, "local momentum"): the gradient of its objective
/// and its own optimizer step with the learning rate of the step. Owns the gradient buffer, so calls allocate nothing.
/// </summary>
/// <remarks>
/// With <see cref="LocalSteps"/> = H &gt; 1 (communicate every H steps) one node step is H gradient steps: node step t
/// takes gradient steps tH, …, tH + H − 1, each with its own gradient (the objective draws from the gradient step) and
/// the schedule's rate of that gradient step; H = 1 is one gradient step per node step, as before.
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

    /// <summary>The model after the local steps, for <see cref="ComputeUpdate"/> with H &gt; 1; empty when H = 1.</summary>
    private readonly T[] _after;

    /// <summary>A local step of <paramref name="localSteps"/> = H ≥ 1 gradient and optimizer steps per node step (per communication).</summary>
    public LocalStep(ILocalObjective<T> objective, ILocalOptimizer<T> optimizer, LearningRateSchedule schedule, int localSteps = 1)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(localSteps);
        _objective = objective;
        _optimizer = optimizer;
        _schedule = schedule;
        _gradient = new T[objective.Dimension];
        _after = localSteps == 1 ? [] : new T[objective.Dimension];
        LocalSteps = localSteps;
    }

    /// <summary>Plain SGD with a constant learning rate (the quadratics experiments).</summary>
    public static LocalStep<T> Sgd(ILocalObjective<T> objective, double learningRate, int localSteps = 1) =>
        new(objective, new SgdOptimizer<T>(objective?.Dimension ?? throw new ArgumentNullException(nameof(objective)), T.Zero, false, T.Zero), LearningRateSchedule.Constant(learningRate), localSteps);

    public int Dimension => _gradient.Length;

    /// <summary>H: gradient steps per node step.</summary>
    public int LocalSteps { get; }

    /// <summary>The learning rate of gradient step <paramref name="gradientStep"/>.</summary>
    public T RateAt(long gradientStep) => T.CreateChecked(_schedule.RateAt(gradientStep));

    /// <summary>The rates of node step <paramref name="step"/>'s H gradient steps summed: its η when H = 1.</summary>
    public T RateOfStep(long step)
    {
        if (LocalSteps == 1)
            return RateAt(step);
        var sum = 0.0;
        for (var h = 0; h < LocalSteps; h++)
            sum += _schedule.RateAt((step * LocalSteps) + h);
        return T.CreateChecked(sum);
    }

    /// <summary>x ← Opt(x, ∇f_i(x)) in place, H times: the half-step model x^{(t+1/2)}.</summary>
    public void Apply(long step, Span<T> parameters)
    {
        for (var h = 0; h < LocalSteps; h++)
        {
            var gradientStep = (step * LocalSteps) + h;
            _objective.Gradient(gradientStep, parameters, _gradient);
            _optimizer.Step(parameters, _gradient, RateAt(gradientStep));
        }
    }

    /// <summary>
    /// u = Opt(x, ∇f_i(x)) − x into <paramref name="update"/>, advancing the optimizer state (RelaySGD/Grad, D², gradient
    /// tracking); with H &gt; 1, the model after H local steps minus x.
    /// </summary>
    public void ComputeUpdate(long step, ReadOnlySpan<T> parameters, Span<T> update)
    {
        if (LocalSteps == 1)
        {
            _objective.Gradient(step, parameters, _gradient);
            _optimizer.ComputeUpdate(parameters, _gradient, RateAt(step), update);
            return;
        }
        parameters.CopyTo(_after);
        Apply(step, _after);
        VectorMath.Subtract<T>(_after, parameters, update);
    }

    /// <summary>
    /// The local optimizer as SGD, for algorithms that drive its momentum buffer themselves (quasi-global momentum).
    /// </summary>
    /// <exception cref="ArgumentException">The local optimizer is not SGD; the message names <paramref name="algorithm"/>, the worker and the optimizer.</exception>
    public SgdOptimizer<T> RequireSgd(string algorithm, int worker) =>
        _optimizer as SgdOptimizer<T>
        ?? throw new ArgumentException($"{algorithm} runs on SGD only, but worker {worker}'s local optimizer is {_optimizer.GetType().Name.Split('`')[0]}; use optimizer.kind = sgd");

    public void WriteState(BinaryWriter writer) => _optimizer.WriteState(writer);

    public void ReadState(BinaryReader reader) => _optimizer.ReadState(reader);
}
