using System.Numerics;
using RelayActors.Actors.Relay;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Baselines;

/// <summary>
/// D² (Tang et al. 2018; spec §2) at one worker, with correction c (0 at first):
/// x^{(t+1/2)} = x^{(t)} + u^{(t)} + c^{(t)}; x^{(t+1)} = Σ_j W_ij x_j^{(t+1/2)}; c^{(t+1)} = x^{(t+1)} − x^{(t)} − u^{(t)}.
/// Equals x^{t+1} = W(2x^t − x^{t−1} − ηg^t + ηg^{t−1}); converges to exact consensus on heterogeneous data (F6).
/// </summary>
public sealed class D2Node<T> : GossipMixingNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LocalStep<T> _local;
    private readonly T[] _update;
    private readonly T[] _correction;
    private readonly T[] _half;
    private T[] _model;
    private T[] _next;

    public D2Node(GossipState<T> gossip, LocalStep<T> local, ReadOnlySpan<T> initial)
        : base(gossip, gossip?.Dimension ?? 1)
    {
        ArgumentNullException.ThrowIfNull(local);
        BaselineChecks.RequireLengths(Worker, Dimension, local, initial);
        _local = local;
        _model = initial.ToArray();
        _next = new T[initial.Length];
        _update = new T[initial.Length];
        _correction = new T[initial.Length];
        _half = new T[initial.Length];
        AddStateParts(local);
    }

    protected override ReadOnlySpan<T> Outgoing => _half;

    /// <summary>x^{(t)}; the update, half step and next model are rewritten by every step.</summary>
    protected override Span<T> ModelVector => _model;

    public override void BeginStep(long step)
    {
        _local.ComputeUpdate(step, _model, _update);
        VectorMath.Add<T>(_model, _update, _half);
        VectorMath.Add<T>(_half, _correction, _half);
    }

    protected override void CompleteStep()
    {
        Gossip.Mix(_half, _next);
        VectorMath.Subtract<T>(_next, _model, _correction);
        VectorMath.Subtract<T>(_correction, _update, _correction);
        (_model, _next) = (_next, _model);
    }

    /// <summary>The correction c^{(t)}, which carries the previous model and update into the next step.</summary>
    protected override void WriteNodeState(BinaryWriter writer) => StateIO.WriteSpan<T>(writer, _correction);

    protected override void ReadNodeState(BinaryReader reader) => StateIO.ReadSpan<T>(reader, _correction, $"worker {Worker}'s D² correction");
}
