using System.Numerics;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Relay;

/// <summary>
/// RelaySGD/Grad ("relaysum-grad", spec §1.3) at one worker: relays the local update u_i = Opt(x, g) − x and applies
/// x^{(t+1)} = x^{(t)} + (u_i + Σ_j m_{j→i}) / n, so every worker applies every update exactly once (F5); missing
/// workers count as zero. No pull towards consensus: heterogeneous workers stay apart (F6).
/// </summary>
public sealed class RelaySumGradNode<T> : SingleRoundNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RelayLanes<T> _relay;
    private readonly LocalStep<T> _local;
    private readonly T[] _model;
    private readonly T[] _update;
    private readonly T[] _sum;
    private readonly T _workers;

    public RelaySumGradNode(RelayLanes<T> relay, LocalStep<T> local, ReadOnlySpan<T> initial)
        : base(relay?.Worker ?? throw new ArgumentNullException(nameof(relay)), relay.Dimension, relay.Channels.ToArray())
    {
        ArgumentNullException.ThrowIfNull(local);
        if (initial.Length != relay.Dimension || local.Dimension != relay.Dimension)
            throw new ArgumentException($"Worker {relay.Worker}: initial model ({initial.Length}) and objective ({local.Dimension}) must have the relay's length {relay.Dimension}");
        _relay = relay;
        _local = local;
        _model = initial.ToArray();
        _update = new T[initial.Length];
        _sum = new T[initial.Length];
        _workers = T.CreateChecked(relay.WorkerCount);
        AddStateParts(relay, local);
    }

    /// <summary>x^{(t)}; with the relay's inboxes and the optimizer, the whole checkpoint (update and sum are rewritten by every step).</summary>
    protected override Span<T> ModelVector => _model;

    public override int PayloadLength(int lane) => _relay.PayloadLength(lane);

    public override void BeginStep(long step)
    {
        _local.ComputeUpdate(step, _model, _update);
        _relay.SetOwn(_update);
    }

    protected override int ComposeChannel(int index, Span<T> payload) => _relay.Compose(index, _update, payload);

    protected override void AcceptChannel(int index, ReadOnlySpan<T> payload, int count) => _relay.Accept(index, payload, count);

    protected override void DropChannel(int index) => _relay.Drop(index);

    protected override void CompleteStep()
    {
        Count = _relay.Sum(_update, _sum);
        VectorMath.Divide<T>(_sum, _workers, _sum);
        VectorMath.Add<T>(_model, _sum, _model);
    }
}
