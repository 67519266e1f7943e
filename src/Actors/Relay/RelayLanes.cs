using System.Numerics;
using RelayActors.Actors.Topology;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Relay;

/// <summary>
/// RelaySum of one worker over one or several trees: with L trees, lane l relays the parameters with index ≡ l
/// (mod L) on tree l (<see cref="LaneSplit"/>; double binary trees have L = 2). Channels are the (neighbour, lane)
/// pairs of every tree. With one tree the vectors are used in place; with several, each lane gathers its part of
/// the shared value once per round. All buffers are allocated in the constructor.
/// </summary>
public sealed class RelayLanes<T> : ICheckpointable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RelayState<T>[] _lanes;
    private readonly Channel[] _channels;
    private readonly int[] _neighbourOf;
    private readonly T[][] _own;
    private readonly T[][] _result;
    private readonly T[][] _fill;

    /// <exception cref="ArgumentException">A graph is not a tree, or the trees do not span the same workers.</exception>
    public RelayLanes(IReadOnlyList<Graph> trees, int worker, int dimension)
    {
        ArgumentNullException.ThrowIfNull(trees);
        if (trees.Count == 0)
            throw new ArgumentException("RelaySum needs at least one tree", nameof(trees));
        if (dimension < trees.Count)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"{trees.Count} trees need at least {trees.Count} parameters, one per lane");
        _lanes = new RelayState<T>[trees.Count];
        var channels = new List<Channel>();
        var neighbourOf = new List<int>();
        for (var l = 0; l < trees.Count; l++)
        {
            if (trees[l].NodeCount != trees[0].NodeCount)
                throw new ArgumentException($"Tree {l} has {trees[l].NodeCount} workers, tree 0 has {trees[0].NodeCount}; every tree must span the same workers", nameof(trees));
            _lanes[l] = new RelayState<T>(trees[l], worker, LaneSplit.CountFor(l, trees.Count, dimension));
            foreach (var neighbour in _lanes[l].Neighbours)
            {
                channels.Add(new Channel(neighbour, l));
                neighbourOf.Add(_lanes[l].SlotOf(neighbour));
            }
        }
        _channels = [.. channels];
        _neighbourOf = [.. neighbourOf];
        var split = trees.Count > 1;
        _own = split ? PartBuffers() : [];
        _result = split ? PartBuffers() : [];
        _fill = split ? PartBuffers() : [];
        Worker = worker;
        Dimension = dimension;
        WorkerCount = trees[0].NodeCount;
    }

    public int Worker { get; }

    /// <summary>Length of the full vector.</summary>
    public int Dimension { get; }

    /// <summary>n, the number of workers in every tree.</summary>
    public int WorkerCount { get; }

    public int LaneCount => _lanes.Length;

    /// <summary>Every (neighbour, lane) channel: lane 0's neighbours ascending, then lane 1's, and so on.</summary>
    public ReadOnlySpan<Channel> Channels => _channels;

    /// <summary>Length of a payload on <paramref name="lane"/>.</summary>
    public int PayloadLength(int lane) => _lanes[lane].Dimension;

    /// <summary>Takes this round's own value; with several lanes, splits it into the lanes' parts. Call before composing.</summary>
    public void SetOwn(ReadOnlySpan<T> own)
    {
        CheckFull(own, nameof(own));
        if (_own.Length > 0)
            for (var l = 0; l < _lanes.Length; l++)
                LaneSplit.Gather(own, l, _lanes.Length, _own[l]);
    }

    /// <summary>The message of <paramref name="channel"/> from the value passed to <see cref="SetOwn"/> (the same <paramref name="own"/>); returns its count.</summary>
    public int Compose(int channel, ReadOnlySpan<T> own, Span<T> destination)
    {
        var (lane, relay) = LaneOf(channel);
        return relay.ComposeOutgoingAt(_neighbourOf[channel], OwnPart(lane, own), destination);
    }

    public void Accept(int channel, ReadOnlySpan<T> payload, int count)
    {
        var (_, relay) = LaneOf(channel);
        relay.AcceptAt(_neighbourOf[channel], payload, count);
    }

    /// <summary>Forgets the channel's message of this round (spec §1.6): it is neither summed nor relayed.</summary>
    public void Drop(int channel)
    {
        var (_, relay) = LaneOf(channel);
        relay.DropAt(_neighbourOf[channel]);
    }

    /// <summary>S_i / C_i per lane into <paramref name="destination"/> (the exact mean of the workers heard so far); returns the smallest C_i.</summary>
    public int AverageByCount(ReadOnlySpan<T> own, Span<T> destination) => Combine(Mode.ByCount, own, default, destination);

    /// <summary>(S_i + (n − C_i)·fill) / n per lane into <paramref name="destination"/> (empty <paramref name="fill"/> = zero); returns the smallest C_i.</summary>
    public int AverageWithFill(ReadOnlySpan<T> own, ReadOnlySpan<T> fill, Span<T> destination) => Combine(Mode.WithFill, own, fill, destination);

    /// <summary>S_i per lane into <paramref name="destination"/>; returns the smallest C_i.</summary>
    public int Sum(ReadOnlySpan<T> own, Span<T> destination) => Combine(Mode.Sum, own, default, destination);

    /// <summary>The count last accepted on <paramref name="channel"/> (0 before any message or after a drop).</summary>
    public int CountAt(int channel)
    {
        var (_, relay) = LaneOf(channel);
        return relay.CountAt(_neighbourOf[channel]);
    }

    /// <summary>
    /// Every lane's inbox. The part buffers are not saved: the own parts are gathered again by <see cref="SetOwn"/>
    /// before they are read (RelaySum's fixed value is set in its constructor), and the result and fill parts are
    /// rewritten by every average.
    /// </summary>
    public void WriteState(BinaryWriter writer)
    {
        StateIO.WriteTag(writer, StateTag);
        writer.Write(_lanes.Length);
        foreach (var lane in _lanes)
            lane.WriteState(writer);
    }

    public void ReadState(BinaryReader reader)
    {
        StateIO.ExpectTag(reader, StateTag);
        StateIO.ExpectInt32(reader, _lanes.Length, "the number of trees (lanes)");
        foreach (var lane in _lanes)
            lane.ReadState(reader);
    }

    private static string StateTag => StateIO.TypeTag(typeof(RelayLanes<T>));

    private int Combine(Mode mode, ReadOnlySpan<T> own, ReadOnlySpan<T> fill, Span<T> destination)
    {
        CheckFull(own, nameof(own));
        CheckFull(destination, nameof(destination));
        if (mode == Mode.WithFill && !fill.IsEmpty)
            CheckFull(fill, nameof(fill));
        if (_own.Length == 0)
            return CombineLane(_lanes[0], mode, own, fill, destination);
        var count = int.MaxValue;
        for (var l = 0; l < _lanes.Length; l++)
        {
            var laneFill = ReadOnlySpan<T>.Empty;
            if (!fill.IsEmpty)
            {
                LaneSplit.Gather(fill, l, _lanes.Length, _fill[l]);
                laneFill = _fill[l];
            }
            count = Math.Min(count, CombineLane(_lanes[l], mode, _own[l], laneFill, _result[l]));
            LaneSplit.Scatter<T>(_result[l], l, _lanes.Length, destination);
        }
        return count;
    }

    private static int CombineLane(RelayState<T> relay, Mode mode, ReadOnlySpan<T> own, ReadOnlySpan<T> fill, Span<T> destination) => mode switch
    {
        Mode.ByCount => relay.Average(own, destination),
        Mode.WithFill => relay.AverageWithFill(own, fill, destination),
        _ => relay.Aggregate(own, destination),
    };

    private ReadOnlySpan<T> OwnPart(int lane, ReadOnlySpan<T> own)
    {
        CheckFull(own, nameof(own));
        return _own.Length == 0 ? own : _own[lane];
    }

    private (int Lane, RelayState<T> Relay) LaneOf(int channel)
    {
        if ((uint)channel >= (uint)_channels.Length)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"Worker {Worker} has channels 0..{_channels.Length - 1}");
        var lane = _channels[channel].Lane;
        return (lane, _lanes[lane]);
    }

    private T[][] PartBuffers()
    {
        var parts = new T[_lanes.Length][];
        for (var l = 0; l < parts.Length; l++)
            parts[l] = new T[_lanes[l].Dimension];
        return parts;
    }

    private void CheckFull(ReadOnlySpan<T> vector, string parameter)
    {
        if (vector.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: {parameter} has length {vector.Length}, expected {Dimension}", parameter);
    }

    private enum Mode
    {
        ByCount,
        WithFill,
        Sum,
    }
}
