using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;

namespace RelayActors.Benchmarks;

/// <summary>
/// The vectors of one relay round at a worker (own half-step model, fill, one incoming payload per neighbour, one
/// outgoing buffer per neighbour, the result), seeded, and the round's calls on <see cref="RelayState{T}"/> and
/// <see cref="RelayLanes{T}"/>. Counts are those of a full tree, so every worker is heard from (no fill term).
/// </summary>
internal sealed class RoundData
{
    /// <summary>Vectors a round touches: own, fill, 3 payloads, 3 outgoing, the result and the state's 3 inbox slots.</summary>
    public const int WorkingSetVectors = 12;

    private readonly int[] _neighbours;
    private readonly int[] _counts;
    private readonly float[] _own;
    private readonly float[] _fill;
    private readonly float[][] _incoming;
    private readonly float[][] _outgoing;
    private readonly float[] _result;

    public RoundData(Graph tree, int worker, int dimension, int seed)
    {
        var random = new Random(seed);
        _neighbours = tree.Neighbours(worker).ToArray();
        _counts = new int[_neighbours.Length];
        for (var k = 0; k < _neighbours.Length; k++)
            _counts[k] = SubtreeSize(tree, _neighbours[k], worker);
        _own = RandomVector(dimension, random);
        _fill = RandomVector(dimension, random);
        _incoming = new float[_neighbours.Length][];
        _outgoing = new float[_neighbours.Length][];
        for (var k = 0; k < _neighbours.Length; k++)
        {
            _incoming[k] = RandomVector(dimension, random);
            _outgoing[k] = new float[dimension];
        }
        _result = new float[dimension];
    }

    public static float[] RandomVector(int length, Random random)
    {
        var vector = new float[length];
        for (var i = 0; i < length; i++)
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        return vector;
    }

    /// <summary>Fills both states' inboxes, as after the previous round.</summary>
    public void Prime(RelayState<float> relay, RelayLanes<float> lanes)
    {
        Accept(relay);
        for (var k = 0; k < _neighbours.Length; k++)
            lanes.Accept(k, _incoming[k], _counts[k]);
    }

    public void Compose(RelayState<float> relay)
    {
        for (var k = 0; k < _neighbours.Length; k++)
            relay.ComposeOutgoing(_neighbours[k], _own, _outgoing[k]);
    }

    public void Accept(RelayState<float> relay)
    {
        for (var k = 0; k < _neighbours.Length; k++)
            relay.Accept(_neighbours[k], _incoming[k], _counts[k]);
    }

    public void Average(RelayState<float> relay) => relay.AverageWithFill(_own, _fill, _result);

    public void Round(RelayState<float> relay)
    {
        Compose(relay);
        Accept(relay);
        Average(relay);
    }

    public void Round(RelayLanes<float> lanes)
    {
        lanes.SetOwn(_own);
        for (var k = 0; k < _neighbours.Length; k++)
            lanes.Compose(k, _own, _outgoing[k]);
        for (var k = 0; k < _neighbours.Length; k++)
            lanes.Accept(k, _incoming[k], _counts[k]);
        lanes.AverageWithFill(_own, _fill, _result);
    }

    /// <summary>
    /// Throws unless both states give, bit for bit, what the element-wise definition gives with the same order of
    /// additions (own first, then the neighbours in ascending order, then the division): a guard for fused variants.
    /// </summary>
    public void Check(RelayState<float> relay, RelayLanes<float> lanes)
    {
        var n = _counts.Sum() + 1;
        Round(relay);
        CheckRound("RelayState", n);
        Array.Clear(_result);
        Round(lanes);
        CheckRound("RelayLanes", n);
    }

    private void CheckRound(string subject, int n)
    {
        for (var i = 0; i < _own.Length; i++)
        {
            var sum = _own[i];
            for (var k = 0; k < _incoming.Length; k++)
                sum += _incoming[k][i];
            if (BitConverter.SingleToInt32Bits(sum / n) != BitConverter.SingleToInt32Bits(_result[i]))
                throw new InvalidOperationException($"{subject}: element {i} of the average is {_result[i]:R}, expected {sum / n:R}");
            for (var j = 0; j < _incoming.Length; j++)
            {
                var message = _own[i];
                for (var k = 0; k < _incoming.Length; k++)
                    if (k != j)
                        message += _incoming[k][i];
                if (BitConverter.SingleToInt32Bits(message) != BitConverter.SingleToInt32Bits(_outgoing[j][i]))
                    throw new InvalidOperationException($"{subject}: element {i} of the message to {_neighbours[j]} is {_outgoing[j][i]:R}, expected {message:R}");
            }
        }
    }

    /// <summary>Workers on <paramref name="neighbour"/>'s side of the edge to <paramref name="worker"/>.</summary>
    private static int SubtreeSize(Graph tree, int neighbour, int worker)
    {
        var seen = new HashSet<int> { worker, neighbour };
        var pending = new Stack<int>([neighbour]);
        while (pending.TryPop(out var node))
            foreach (var next in tree.Neighbours(node))
                if (seen.Add(next))
                    pending.Push(next);
        return seen.Count - 1;
    }
}
