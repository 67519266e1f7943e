using System.Numerics;

namespace RelayActors.Actors.Relay;

/// <summary>
/// Base of the gossip-style nodes (D-SGD, D², gradient tracking, gossip averaging): every neighbour gets the same
/// <see cref="Outgoing"/> vector with count 1, and what arrives goes into the <see cref="Gossip"/> mixing state
/// (a missing message is left out and the mix renormalised).
/// </summary>
public abstract class GossipMixingNode<T> : SingleRoundNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected GossipMixingNode(GossipState<T> gossip, int dimension)
        : base(gossip?.Worker ?? throw new ArgumentNullException(nameof(gossip)), dimension, NeighbourChannels(gossip.Neighbours))
    {
        Gossip = gossip;
        AddStateParts(gossip);
    }

    /// <summary>The mixing state with the neighbours' vectors of this round.</summary>
    protected GossipState<T> Gossip { get; }

    /// <summary>What this worker sends to every neighbour this round.</summary>
    protected abstract ReadOnlySpan<T> Outgoing { get; }

    public override int PayloadLength(int lane) =>
        lane == 0 ? Gossip.Dimension : throw new ArgumentOutOfRangeException(nameof(lane), lane, $"Worker {Worker} uses lane 0 only");

    protected sealed override int ComposeChannel(int index, Span<T> payload)
    {
        Outgoing.CopyTo(payload);
        return 1;
    }

    protected sealed override void AcceptChannel(int index, ReadOnlySpan<T> payload, int count) => Gossip.Accept(Channels[index].Peer, payload);

    protected sealed override void DropChannel(int index) => Gossip.Drop(Channels[index].Peer);
}
