namespace RelayActors.Actors.Relay;

/// <summary>Gossip on a value: sends x_i^{(t)}, then x_i^{(t+1)} = W_ii x_i^{(t)} + Σ_j W_ij x_j^{(t)} is both the new state and the estimate.</summary>
public sealed class GossipNode : IConsensusNode
{
    private readonly GossipState _gossip;
    private readonly float[] _state;

    public GossipNode(GossipState gossip, ReadOnlySpan<float> value)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        if (value.Length != gossip.Dimension)
            throw new ArgumentException($"Worker {gossip.Worker}: value has length {value.Length}, expected {gossip.Dimension}", nameof(value));
        _gossip = gossip;
        _state = value.ToArray();
    }

    public int Worker => _gossip.Worker;

    public int Dimension => _gossip.Dimension;

    public ReadOnlySpan<int> Neighbours => _gossip.Neighbours;

    public int SlotOf(int neighbour) => _gossip.SlotOf(neighbour);

    /// <summary>Gossip sends its current state to every neighbour; the count is 1 (one worker's vector).</summary>
    public int ComposeOutgoing(int to, Span<float> destination)
    {
        if (_gossip.SlotOf(to) < 0)
            throw new ArgumentOutOfRangeException(nameof(to), to, $"Worker {to} is not a neighbour of worker {Worker}");
        _state.CopyTo(destination);
        return 1;
    }

    public void Accept(int from, ReadOnlySpan<float> payload, int count) => _gossip.Accept(from, payload);

    public int CompleteRound(Span<float> estimate)
    {
        _gossip.Mix(_state, _state);
        _state.CopyTo(estimate);
        return 0;
    }
}
