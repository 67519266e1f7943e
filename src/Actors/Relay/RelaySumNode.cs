namespace RelayActors.Actors.Relay;

/// <summary>RelaySum on a static value v_i: relays v_i every round; the estimate is S_i / C_i (spec §1.1, F1).</summary>
public sealed class RelaySumNode : IConsensusNode
{
    private readonly RelayState _relay;
    private readonly float[] _value;

    public RelaySumNode(RelayState relay, ReadOnlySpan<float> value)
    {
        ArgumentNullException.ThrowIfNull(relay);
        if (value.Length != relay.Dimension)
            throw new ArgumentException($"Worker {relay.Worker}: value has length {value.Length}, expected {relay.Dimension}", nameof(value));
        _relay = relay;
        _value = value.ToArray();
    }

    public int Worker => _relay.Worker;

    public int Dimension => _relay.Dimension;

    public ReadOnlySpan<int> Neighbours => _relay.Neighbours;

    public int SlotOf(int neighbour) => _relay.SlotOf(neighbour);

    public int ComposeOutgoing(int to, Span<float> destination) => _relay.ComposeOutgoing(to, _value, destination);

    public void Accept(int from, ReadOnlySpan<float> payload, int count) => _relay.Accept(from, payload, count);

    public int CompleteRound(Span<float> estimate) => _relay.Average(_value, estimate);
}
