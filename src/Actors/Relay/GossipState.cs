using System.Numerics;
using RelayActors.Actors.Topology;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Relay;

/// <summary>
/// One worker's gossip averaging with Metropolis–Hastings weights (spec §2, D-SGD's mixing): x_i ← W_ii x_i + Σ_j W_ij x_j.
/// Keeps the latest vector from each neighbour; buffers are allocated once. A neighbour whose message of the round
/// is missing is left out and the result renormalised by the weight that did arrive (spec §1.6, commit 0e7551a).
/// </summary>
public sealed class GossipState<T> : ICheckpointable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _neighbours;
    private readonly T[][] _inbox;
    private readonly T[] _weights;
    private readonly bool[] _delivered;

    public GossipState(Graph graph, int worker, int dimension)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        _neighbours = graph.Neighbours(worker).ToArray();
        _inbox = new T[_neighbours.Length][];
        _weights = new T[_neighbours.Length];
        _delivered = new bool[_neighbours.Length];
        for (var k = 0; k < _neighbours.Length; k++)
        {
            _inbox[k] = new T[dimension];
            _weights[k] = T.CreateChecked(graph.MetropolisHastingsWeight(worker, _neighbours[k]));
        }
        SelfWeight = T.CreateChecked(graph.MetropolisHastingsSelfWeight(worker));
        Worker = worker;
        Dimension = dimension;
    }

    public int Worker { get; }

    public int Dimension { get; }

    /// <summary>Graph neighbours, ascending; slot k belongs to <c>Neighbours[k]</c>.</summary>
    public ReadOnlySpan<int> Neighbours => _neighbours;

    /// <summary>W_ii.</summary>
    public T SelfWeight { get; }

    /// <summary>The slot of <paramref name="neighbour"/>, or −1 if it is not a neighbour.</summary>
    public int SlotOf(int neighbour)
    {
        var slot = Array.BinarySearch(_neighbours, neighbour);
        return slot >= 0 ? slot : -1;
    }

    /// <summary>W_ij for the neighbour in <paramref name="slot"/>.</summary>
    public T WeightAt(int slot) => _weights[slot];

    /// <summary>Stores this round's x_j from <paramref name="from"/> (copied).</summary>
    public void Accept(int from, ReadOnlySpan<T> payload)
    {
        var slot = RequireSlot(from);
        if (payload.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: payload from {from} has length {payload.Length}, expected {Dimension}", nameof(payload));
        payload.CopyTo(_inbox[slot]);
        _delivered[slot] = true;
    }

    /// <summary>Marks <paramref name="from"/>'s message of this round as lost; <see cref="Mix"/> leaves it out and renormalises.</summary>
    public void Drop(int from) => _delivered[RequireSlot(from)] = false;

    /// <summary>
    /// W_ii·own + Σ_{j delivered} W_ij·x_j into <paramref name="destination"/> (which may be <paramref name="own"/>), divided by
    /// W_ii + Σ_{j delivered} W_ij when that is below 1. Ends the round: every neighbour counts as missing until its next message.
    /// </summary>
    public void Mix(ReadOnlySpan<T> own, Span<T> destination)
    {
        if (own.Length != Dimension || destination.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: own and destination must have length {Dimension}; got {own.Length} and {destination.Length}");
        VectorMath.Scale(own, SelfWeight, destination);
        var total = SelfWeight;
        var all = true;
        for (var k = 0; k < _neighbours.Length; k++)
        {
            if (!_delivered[k])
            {
                all = false;
                continue;
            }
            VectorMath.MultiplyAdd<T>(_inbox[k], _weights[k], destination, destination);
            total += _weights[k];
            _delivered[k] = false;
        }
        // With every message in, the weights sum to 1 by construction; dividing anyway would only add rounding.
        if (!all)
            VectorMath.Divide(destination, total, destination);
    }

    /// <summary>
    /// Only the neighbours, for reading to check: between rounds nothing here determines the future. <see cref="Mix"/>
    /// marks every slot missing and reads only slots delivered in its round, which <see cref="Accept"/> overwrites first.
    /// </summary>
    /// <exception cref="InvalidOperationException">A round is in progress (a message was accepted and not mixed yet).</exception>
    public void WriteState(BinaryWriter writer)
    {
        if (Array.IndexOf(_delivered, true) is var slot and >= 0)
            throw new InvalidOperationException($"Worker {Worker} holds an unmixed message from {_neighbours[slot]}; checkpoint between rounds, after Mix");
        StateIO.WriteTag(writer, StateTag);
        StateIO.WriteSpan<int>(writer, _neighbours);
    }

    public void ReadState(BinaryReader reader)
    {
        StateIO.ExpectTag(reader, StateTag);
        StateIO.ExpectSpan<int>(reader, _neighbours, $"worker {Worker}'s gossip neighbours");
        Array.Clear(_delivered);
    }

    private static string StateTag => StateIO.TypeTag(typeof(GossipState<T>));

    private int RequireSlot(int neighbour)
    {
        var slot = SlotOf(neighbour);
        return slot >= 0
            ? slot
            : throw new ArgumentOutOfRangeException(nameof(neighbour), neighbour, $"Worker {neighbour} is not a neighbour of worker {Worker} (neighbours: {string.Join(", ", _neighbours)})");
    }
}
