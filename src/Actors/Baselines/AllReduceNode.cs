using System.Numerics;
using RelayActors.Actors.Relay;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Baselines;

/// <summary>
/// All-reduce (spec §2) at one worker, realised by messages on the fully connected graph: x^{(t+1/2)} = Opt(x, g) is
/// sent to every other worker and x^{(t+1)} is the exact mean of all of them (mini-batch SGD with n× the batch). A
/// message that never came is left out and the mean taken over the rest. Messages are kept one slot per channel and
/// summed in worker order (own half step at its place), so the rounding does not depend on the order they arrive in and every worker ends with the same bits.
/// </summary>
public sealed class AllReduceNode<T> : SingleRoundNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LocalStep<T> _local;
    private readonly T[] _model;
    private readonly T[] _half;
    private readonly T[] _sum;
    private readonly T[][] _inbox;
    private readonly bool[] _delivered;

    public AllReduceNode(int worker, int workers, LocalStep<T> local, ReadOnlySpan<T> initial)
        : base(worker, initial.Length, OtherWorkers(worker, workers))
    {
        ArgumentNullException.ThrowIfNull(local);
        BaselineChecks.RequireLengths(worker, initial.Length, local, initial);
        _local = local;
        _model = initial.ToArray();
        _half = new T[initial.Length];
        _sum = new T[initial.Length];
        _inbox = new T[workers - 1][];
        for (var k = 0; k < _inbox.Length; k++)
            _inbox[k] = new T[initial.Length];
        _delivered = new bool[workers - 1];
        AddStateParts(local);
    }

    /// <summary>
    /// x^{(t)}; with the optimizer, the whole checkpoint. The half step is rewritten by every step, the delivery flags
    /// cleared when it begins, and an inbox slot is read only after a message of the step overwrote it.
    /// </summary>
    protected override Span<T> ModelVector => _model;

    public override void BeginStep(long step)
    {
        _model.CopyTo(_half, 0);
        _local.Apply(step, _half);
        Array.Clear(_delivered);
    }

    protected override int ComposeChannel(int index, Span<T> payload)
    {
        _half.CopyTo(payload);
        return 1;
    }

    protected override void AcceptChannel(int index, ReadOnlySpan<T> payload, int count)
    {
        if (payload.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: payload from {Channels[index].Peer} has length {payload.Length}, expected {Dimension}", nameof(payload));
        payload.CopyTo(_inbox[index]);
        _delivered[index] = true;
    }

    protected override void DropChannel(int index)
    {
        // Left out of the mean.
    }

    protected override void CompleteStep()
    {
        // Summed in worker order with this worker's own half step at its place, so that every worker adds the same
        // vectors in the same order and all end with bit-identical models (no rounding drift between workers).
        var heard = 0;
        for (var j = 0; j <= _inbox.Length; j++)
        {
            ReadOnlySpan<T> term;
            if (j == Worker)
            {
                term = _half;
            }
            else
            {
                var k = j < Worker ? j : j - 1;
                if (!_delivered[k])
                    continue;
                term = _inbox[k];
            }
            if (heard++ == 0)
                term.CopyTo(_sum);
            else
                VectorMath.Add<T>(_sum, term, _sum);
        }
        VectorMath.Divide<T>(_sum, T.CreateChecked(heard), _model);
    }

    private static Channel[] OtherWorkers(int worker, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        if ((uint)worker >= (uint)workers)
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"Workers are 0..{workers - 1}");
        var channels = new Channel[workers - 1];
        for (int j = 0, k = 0; j < workers; j++)
            if (j != worker)
                channels[k++] = new Channel(j, 0);
        return channels;
    }
}
