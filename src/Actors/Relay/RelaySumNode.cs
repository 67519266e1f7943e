using System.Numerics;

namespace RelayActors.Actors.Relay;

/// <summary>RelaySum on a fixed value v_i: relays v_i every round; the estimate is S_i / C_i (spec §1.1, F1).</summary>
public sealed class RelaySumNode<T> : SingleRoundNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RelayLanes<T> _relay;
    private readonly T[] _value;
    private readonly T[] _estimate;

    public RelaySumNode(RelayLanes<T> relay, ReadOnlySpan<T> value)
        : base(relay?.Worker ?? throw new ArgumentNullException(nameof(relay)), relay.Dimension, relay.Channels.ToArray())
    {
        if (value.Length != relay.Dimension)
            throw new ArgumentException($"Worker {relay.Worker}: value has length {value.Length}, expected {relay.Dimension}", nameof(value));
        _relay = relay;
        _value = value.ToArray();
        _estimate = new T[value.Length];
        _relay.SetOwn(_value);
        AddStateParts(relay);
    }

    /// <summary>S_i / C_i of the last step; the relay's inboxes are the rest of the checkpoint (the value is the constructor's).</summary>
    protected override Span<T> ModelVector => _estimate;

    public override int PayloadLength(int lane) => _relay.PayloadLength(lane);

    public override void BeginStep(long step)
    {
        // The value never changes, so the lanes' parts taken in the constructor stay valid.
    }

    protected override int ComposeChannel(int index, Span<T> payload) => _relay.Compose(index, _value, payload);

    protected override void AcceptChannel(int index, ReadOnlySpan<T> payload, int count) => _relay.Accept(index, payload, count);

    protected override void DropChannel(int index) => _relay.Drop(index);

    protected override void CompleteStep() => Count = _relay.AverageByCount(_value, _estimate);
}
