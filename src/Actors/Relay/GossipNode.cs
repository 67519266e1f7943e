using System.Numerics;

namespace RelayActors.Actors.Relay;

/// <summary>Gossip on a value: sends x_i^{(t)}, then x_i^{(t+1)} = W_ii x_i^{(t)} + Σ_j W_ij x_j^{(t)} is both the new state and the estimate.</summary>
public sealed class GossipNode<T> : GossipMixingNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _state;

    public GossipNode(GossipState<T> gossip, ReadOnlySpan<T> value)
        : base(gossip, gossip?.Dimension ?? 1)
    {
        if (value.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: value has length {value.Length}, expected {Dimension}", nameof(value));
        _state = value.ToArray();
    }

    protected override ReadOnlySpan<T> Outgoing => _state;

    /// <summary>The state is the estimate, so the model is the whole checkpoint.</summary>
    protected override Span<T> ModelVector => _state;

    public override void BeginStep(long step)
    {
        // Averaging of a fixed value: no local computation.
    }

    protected override void CompleteStep() => Gossip.Mix(_state, _state);
}
