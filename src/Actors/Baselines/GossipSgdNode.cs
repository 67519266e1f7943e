using System.Numerics;
using RelayActors.Actors.Relay;

namespace RelayActors.Actors.Baselines;

/// <summary>
/// D-SGD / gossip (Lian et al. 2017; spec §2) at one worker: x^{(t+1/2)} = Opt(x^{(t)}, g), then
/// x^{(t+1)} = Σ_j W_ij x_j^{(t+1/2)} with Metropolis–Hastings weights, renormalised over delivered messages.
/// </summary>
public sealed class GossipSgdNode<T> : GossipMixingNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LocalStep<T> _local;
    private readonly T[] _model;
    private readonly T[] _half;

    public GossipSgdNode(GossipState<T> gossip, LocalStep<T> local, ReadOnlySpan<T> initial)
        : base(gossip, gossip?.Dimension ?? 1)
    {
        ArgumentNullException.ThrowIfNull(local);
        BaselineChecks.RequireLengths(Worker, Dimension, local, initial);
        _local = local;
        _model = initial.ToArray();
        _half = new T[initial.Length];
        AddStateParts(local);
    }

    protected override ReadOnlySpan<T> Outgoing => _half;

    /// <summary>x^{(t)}; with the optimizer, the whole checkpoint (the half step is rewritten by every step).</summary>
    protected override Span<T> ModelVector => _model;

    public override void BeginStep(long step)
    {
        _model.CopyTo(_half, 0);
        _local.Apply(step, _half);
    }

    protected override void CompleteStep() => Gossip.Mix(_half, _model);
}
