using System.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Relay;

/// <summary>
/// Base of the algorithms whose step has one round that sends to and receives from the same fixed channels (every
/// algorithm here except multi-round ones such as SGP). Checks round and channel indices once, so the algorithms
/// only implement the per-channel arithmetic.
/// </summary>
public abstract class SingleRoundNode<T> : IWorkerNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Channel[] _channels;
    private ICheckpointable[] _stateParts = [];

    protected SingleRoundNode(int worker, int dimension, Channel[] channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(worker);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentNullException.ThrowIfNull(channels);
        Worker = worker;
        Dimension = dimension;
        _channels = channels;
    }

    public int Worker { get; }

    public int Dimension { get; }

    public int RoundsPerStep => 1;

    /// <summary>The channels of the single round, in the order the indices of Compose/Accept/Drop refer to.</summary>
    public ReadOnlySpan<Channel> Channels => _channels;

    public ReadOnlySpan<T> Model => ModelVector;

    /// <summary>Set by the algorithms that keep counts (RelaySum's C_i); stays 0 for the others.</summary>
    public int Count { get; protected set; }

    public ReadOnlySpan<Channel> Sends(long step, int round) => CheckRound(round) == 0 ? _channels : default;

    public ReadOnlySpan<Channel> Receives(long step, int round) => CheckRound(round) == 0 ? _channels : default;

    public virtual int PayloadLength(int lane) =>
        lane == 0 ? Dimension : throw new ArgumentOutOfRangeException(nameof(lane), lane, $"Worker {Worker} uses lane 0 only");

    public abstract void BeginStep(long step);

    public int Compose(int round, int index, Span<T> payload)
    {
        CheckRound(round);
        CheckIndex(index);
        return ComposeChannel(index, payload);
    }

    public void Accept(int round, int index, ReadOnlySpan<T> payload, int count)
    {
        CheckRound(round);
        CheckIndex(index);
        AcceptChannel(index, payload, count);
    }

    public void Drop(int round, int index)
    {
        CheckRound(round);
        CheckIndex(index);
        DropChannel(index);
    }

    public void CompleteRound(int round)
    {
        CheckRound(round);
        CompleteStep();
    }

    /// <summary>
    /// Writes a header naming the node type (with its element type), the worker and the dimension, so state of another
    /// algorithm or size is rejected on reading; then <see cref="Model"/>, <see cref="Count"/>, the parts added by
    /// <see cref="AddStateParts"/> in order, and last <see cref="WriteNodeState"/>.
    /// </summary>
    public void WriteState(BinaryWriter writer)
    {
        NodeStateHeader.Write(writer, GetType(), Worker, Dimension, Model, Count);
        foreach (var part in _stateParts)
            part.WriteState(writer);
        WriteNodeState(writer);
    }

    public void ReadState(BinaryReader reader)
    {
        Count = NodeStateHeader.Read(reader, GetType(), Worker, Dimension, ModelVector);
        foreach (var part in _stateParts)
            part.ReadState(reader);
        ReadNodeState(reader);
    }

    /// <summary>Channels to every neighbour on lane 0.</summary>
    protected static Channel[] NeighbourChannels(ReadOnlySpan<int> neighbours)
    {
        var channels = new Channel[neighbours.Length];
        for (var k = 0; k < channels.Length; k++)
            channels[k] = new Channel(neighbours[k], 0);
        return channels;
    }

    protected abstract int ComposeChannel(int index, Span<T> payload);

    protected abstract void AcceptChannel(int index, ReadOnlySpan<T> payload, int count);

    protected abstract void DropChannel(int index);

    /// <summary>Ends the step after every channel was accepted or dropped.</summary>
    protected abstract void CompleteStep();

    /// <summary>The vector behind <see cref="Model"/>, which checkpoints save and restore.</summary>
    protected abstract Span<T> ModelVector { get; }

    /// <summary>
    /// Adds objects whose state belongs to this node's checkpoint (relay buffers, mixing state, the local step with its
    /// optimizer); called from constructors, so a fresh node with the same arguments reads them in the same order.
    /// </summary>
    protected void AddStateParts(params ICheckpointable[] parts) => _stateParts = [.. _stateParts, .. parts];

    /// <summary>
    /// State beyond the model, count and parts that determines the next steps (D²'s correction, gradient tracking's
    /// tracker); nothing by default. Buffers that the next step rewrites before reading need not be saved.
    /// </summary>
    protected virtual void WriteNodeState(BinaryWriter writer)
    {
    }

    /// <summary>Restores what <see cref="WriteNodeState"/> wrote.</summary>
    protected virtual void ReadNodeState(BinaryReader reader)
    {
    }

    private int CheckRound(int round) =>
        round == 0 ? 0 : throw new ArgumentOutOfRangeException(nameof(round), round, $"Worker {Worker} has one round per step");

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)_channels.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Worker {Worker} has channels 0..{_channels.Length - 1}");
    }
}
