using System.Numerics;
using RelayActors.Actors.Relay;
using RelayActors.Models.Numerics;
using RelayActors.Models.Optim;
using RelayActors.Models.State;

namespace RelayActors.Actors.Baselines;

/// <summary>
/// Quasi-global momentum (Lin et al. 2021; spec §2) at one worker, SGD only, with buffer m (0 at first): a local
/// Nesterov step with the temporary buffer b = μm + g, x^{(t+1/2)} = x^{(t)} − η(g + μb), m itself unchanged; gossip
/// x^{(t+1)} = Σ_j W_ij x_j^{(t+1/2)} (MH weights, renormalised over delivered messages); then
/// m ← μm + (1 − μ)(x^{(t)} − x^{(t+1)})/max(η, 1e-8). m thus tracks the global displacement, not the local gradient.
/// </summary>
/// <remarks>
/// The local step is the worker's own SGD optimizer (with its weight decay, and heavy-ball b instead of g + μb when it
/// is not Nesterov) whose buffer is set to m before the step: it computes b = μm + g and steps with it, and the next
/// step overwrites it again, which is the "temporary buffer". With H local steps the buffer evolves over them from m,
/// and η is the sum of their rates, so m stays a displacement per unit of learning rate. μ = 0 is D-SGD exactly.
/// </remarks>
public sealed class QuasiGlobalMomentumNode<T> : GossipMixingNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T MinimumRate = T.CreateChecked(1e-8);

    private readonly LocalStep<T> _local;
    private readonly SgdOptimizer<T> _sgd;
    private readonly T[] _momentum;
    private readonly T[] _half;
    private T[] _model;
    private T[] _next;
    private T _rate;

    /// <exception cref="ArgumentException">The local optimizer is not SGD.</exception>
    public QuasiGlobalMomentumNode(GossipState<T> gossip, LocalStep<T> local, ReadOnlySpan<T> initial)
        : base(gossip, gossip?.Dimension ?? 1)
    {
        ArgumentNullException.ThrowIfNull(local);
        BaselineChecks.RequireLengths(Worker, Dimension, local, initial);
        _local = local;
        _sgd = local.RequireSgd(AlgorithmNames.Format(Algorithm.QuasiGlobalMomentum), Worker);
        _model = initial.ToArray();
        _next = new T[initial.Length];
        _momentum = new T[initial.Length];
        _half = new T[initial.Length];
        AddStateParts(local);
    }

    protected override ReadOnlySpan<T> Outgoing => _half;

    /// <summary>x^{(t)}; the half step and the next model are rewritten by every step.</summary>
    protected override Span<T> ModelVector => _model;

    public override void BeginStep(long step)
    {
        // Without momentum the optimizer keeps no buffer, and m never enters the step.
        if (_sgd.Momentum != T.Zero)
            _momentum.CopyTo(_sgd.MomentumBuffer);
        _model.CopyTo(_half, 0);
        _local.Apply(step, _half);
        _rate = _local.RateOfStep(step);
    }

    protected override void CompleteStep()
    {
        Gossip.Mix(_half, _next);
        var mu = _sgd.Momentum;
        // The half step is spent once mixed, so it holds x^{(t)} − x^{(t+1)}.
        VectorMath.Subtract<T>(_model, _next, _half);
        VectorMath.Scale<T>(_momentum, mu, _momentum);
        VectorMath.MultiplyAdd<T>(_half, (T.One - mu) / T.Max(_rate, MinimumRate), _momentum, _momentum);
        (_model, _next) = (_next, _model);
    }

    /// <summary>The quasi-global momentum m, which carries the past displacements into the next steps.</summary>
    protected override void WriteNodeState(BinaryWriter writer) => StateIO.WriteSpan<T>(writer, _momentum);

    protected override void ReadNodeState(BinaryReader reader) => StateIO.ReadSpan<T>(reader, _momentum, $"worker {Worker}'s quasi-global momentum");
}
