using System.Numerics;
using RelayActors.Actors.Relay;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Baselines;

/// <summary>
/// Gradient tracking (spec §2) at one worker, with tracker c (0 at first): x^{(t+1/2)} = x + u + c;
/// x^{(t+1)} = W x^{(t+1/2)}; c^{(t+1)} = W(c + u) − u. Both vectors travel in one message of length 2d
/// (x^{(t+1/2)} then c + u), mixed with the same weights.
/// </summary>
public sealed class GradientTrackingNode<T> : GossipMixingNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LocalStep<T> _local;
    private readonly T[] _model;
    private readonly T[] _update;
    private readonly T[] _tracker;
    private readonly T[] _outgoing;
    private readonly T[] _mixed;

    /// <summary>Worker state starting from <paramref name="initial"/>; <paramref name="gossip"/> mixes vectors of length 2d.</summary>
    public GradientTrackingNode(GossipState<T> gossip, LocalStep<T> local, ReadOnlySpan<T> initial)
        : base(gossip, initial.Length)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (gossip.Dimension != 2 * initial.Length)
            throw new ArgumentException($"Worker {gossip.Worker}: gradient tracking mixes 2d = {2 * initial.Length} values per message; the gossip state has {gossip.Dimension}", nameof(gossip));
        BaselineChecks.RequireLengths(gossip.Worker, initial.Length, local, initial);
        _local = local;
        _model = initial.ToArray();
        _update = new T[initial.Length];
        _tracker = new T[initial.Length];
        _outgoing = new T[2 * initial.Length];
        _mixed = new T[2 * initial.Length];
        AddStateParts(local);
    }

    protected override ReadOnlySpan<T> Outgoing => _outgoing;

    /// <summary>x^{(t)}; the update, outgoing message and mix are rewritten by every step.</summary>
    protected override Span<T> ModelVector => _model;

    public override void BeginStep(long step)
    {
        var d = Dimension;
        _local.ComputeUpdate(step, _model, _update);
        var half = _outgoing.AsSpan(0, d);
        VectorMath.Add<T>(_model, _update, half);
        VectorMath.Add<T>(half, _tracker, half);
        VectorMath.Add<T>(_tracker, _update, _outgoing.AsSpan(d));
    }

    protected override void CompleteStep()
    {
        var d = Dimension;
        Gossip.Mix(_outgoing, _mixed);
        _mixed.AsSpan(0, d).CopyTo(_model);
        VectorMath.Subtract<T>(_mixed.AsSpan(d), _update, _tracker);
    }

    /// <summary>The tracker c^{(t)}.</summary>
    protected override void WriteNodeState(BinaryWriter writer) => StateIO.WriteSpan<T>(writer, _tracker);

    protected override void ReadNodeState(BinaryReader reader) => StateIO.ReadSpan<T>(reader, _tracker, $"worker {Worker}'s gradient tracker");
}
