using RelayActors.Actors.Topology;
using RelayActors.Models.Numerics;

namespace RelayActors.Actors.Relay;

/// <summary>
/// One worker's gossip step with Metropolis–Hastings weights (spec §2, D-SGD's averaging): x_i ← W_ii x_i + Σ_j W_ij x_j.
/// Keeps the latest vector from each neighbour; buffers are allocated once. The baseline RelaySum is compared with.
/// </summary>
public sealed class GossipState
{
    private readonly int[] _neighbours;
    private readonly float[][] _inbox;
    private readonly float[] _weights;
    private readonly float _selfWeight;

    public GossipState(Graph graph, int worker, int dimension)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        _neighbours = graph.Neighbours(worker).ToArray();
        _inbox = new float[_neighbours.Length][];
        _weights = new float[_neighbours.Length];
        for (var k = 0; k < _neighbours.Length; k++)
        {
            _inbox[k] = new float[dimension];
            _weights[k] = (float)graph.MetropolisHastingsWeight(worker, _neighbours[k]);
        }
        _selfWeight = (float)graph.MetropolisHastingsSelfWeight(worker);
        Worker = worker;
        Dimension = dimension;
    }

    public int Worker { get; }

    public int Dimension { get; }

    /// <summary>Graph neighbours, ascending; slot k belongs to <c>Neighbours[k]</c>.</summary>
    public ReadOnlySpan<int> Neighbours => _neighbours;

    /// <summary>W_ii.</summary>
    public float SelfWeight => _selfWeight;

    /// <summary>The slot of <paramref name="neighbour"/>, or −1 if it is not a neighbour.</summary>
    public int SlotOf(int neighbour)
    {
        var slot = Array.BinarySearch(_neighbours, neighbour);
        return slot >= 0 ? slot : -1;
    }

    /// <summary>W_ij for the neighbour in <paramref name="slot"/>.</summary>
    public float WeightAt(int slot) => _weights[slot];

    /// <summary>Stores x_j from <paramref name="from"/> (copied).</summary>
    public void Accept(int from, ReadOnlySpan<float> payload)
    {
        var slot = SlotOf(from);
        if (slot < 0)
            throw new ArgumentOutOfRangeException(nameof(from), from, $"Worker {from} is not a neighbour of worker {Worker} (neighbours: {string.Join(", ", _neighbours)})");
        CheckLength(payload, nameof(payload));
        payload.CopyTo(_inbox[slot]);
    }

    /// <summary>W_ii·own + Σ_j W_ij·x_j into <paramref name="destination"/>, which may be <paramref name="own"/> itself.</summary>
    public void Mix(ReadOnlySpan<float> own, Span<float> destination)
    {
        CheckLength(own, nameof(own));
        CheckLength(destination, nameof(destination));
        VectorMath.Scale(own, _selfWeight, destination);
        for (var k = 0; k < _neighbours.Length; k++)
            VectorMath.MultiplyAdd(_inbox[k], _weights[k], destination, destination);
    }

    private void CheckLength(ReadOnlySpan<float> vector, string parameter)
    {
        if (vector.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: {parameter} has length {vector.Length}, expected {Dimension}", parameter);
    }
}
