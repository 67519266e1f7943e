using System.Numerics;

namespace RelayActors.Actors.Relay;

/// <summary>
/// RelaySGD, the paper's main algorithm ("relaysum-model", spec §1.2), at one worker:
/// x^{(t+1/2)} = Opt(x^{(t)}, g); relay x^{(t+1/2)} with counts; x^{(t+1)} = (S_i + (n − C_i)·r) / n, with the fill r
/// chosen by <see cref="RelayFill"/>. Optimizer state stays local (<see cref="LocalStep{T}"/>).
/// </summary>
public sealed class RelaySgdNode<T> : SingleRoundNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RelayLanes<T> _relay;
    private readonly LocalStep<T> _local;
    private readonly RelayFill _fill;
    private readonly T[] _initial;
    private readonly T[] _half;
    private T[] _model;
    private T[] _next;

    /// <summary>Worker state starting from <paramref name="initial"/> = x⁰, the common initial model (every worker gets the same).</summary>
    public RelaySgdNode(RelayLanes<T> relay, LocalStep<T> local, RelayFill fill, ReadOnlySpan<T> initial)
        : base(relay?.Worker ?? throw new ArgumentNullException(nameof(relay)), relay.Dimension, relay.Channels.ToArray())
    {
        ArgumentNullException.ThrowIfNull(local);
        if (initial.Length != relay.Dimension || local.Dimension != relay.Dimension)
            throw new ArgumentException($"Worker {relay.Worker}: initial model ({initial.Length}) and objective ({local.Dimension}) must have the relay's length {relay.Dimension}");
        _relay = relay;
        _local = local;
        _fill = fill;
        _initial = initial.ToArray();
        _model = initial.ToArray();
        _next = new T[initial.Length];
        _half = new T[initial.Length];
        AddStateParts(relay, local);
    }

    /// <summary>x^{(t+1/2)} of the current step (not restored from a checkpoint until the next step begins).</summary>
    public ReadOnlySpan<T> HalfStep => _half;

    public override int PayloadLength(int lane) => _relay.PayloadLength(lane);

    /// <summary>
    /// x^{(t)}; with the relay's inboxes and the optimizer, the whole checkpoint (also the fill r for
    /// <see cref="RelayFill.OwnPrevious"/>). The half step and next model are rewritten by every step.
    /// </summary>
    protected override Span<T> ModelVector => _model;

    public override void BeginStep(long step)
    {
        _model.CopyTo(_half, 0);
        _local.Apply(step, _half);
        _relay.SetOwn(_half);
    }

    protected override int ComposeChannel(int index, Span<T> payload) => _relay.Compose(index, _half, payload);

    protected override void AcceptChannel(int index, ReadOnlySpan<T> payload, int count) => _relay.Accept(index, payload, count);

    protected override void DropChannel(int index) => _relay.Drop(index);

    protected override void CompleteStep()
    {
        ReadOnlySpan<T> fill = _fill switch
        {
            RelayFill.InitialModel => _initial,
            RelayFill.OwnPrevious => _model,
            _ => default,
        };
        Count = _relay.AverageWithFill(_half, fill, _next);
        (_model, _next) = (_next, _model);
    }
}
