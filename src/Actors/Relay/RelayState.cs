using System.Numerics;
using RelayActors.Actors.Topology;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Relay;

/// <summary>
/// The RelaySum mechanism of one worker (spec §1.1): one inbox slot (vector + count) per tree neighbour holding
/// the latest message m_{k→i}, c_{k→i} accepted from it. Pure and single-threaded; every buffer is allocated in the
/// constructor, so composing, accepting and aggregating allocate nothing.
/// </summary>
/// <remarks>
/// Round protocol: compose every outgoing message of round t first (the inbox still holds round t − 1), then accept
/// the round-t messages, then <see cref="Aggregate"/>. Invariant on a tree: a count is the number of distinct
/// workers folded into its payload, so no count exceeds n and no payload contains the recipient's own value (F7).
/// Sums start with own + the first slot written straight into the destination rather than a copy of own followed by
/// an add: the same additions in the same order (own, then the slots in ascending order), so the same bits, with one
/// pass over the vectors fewer (docs/PERFORMANCE.md).
/// </remarks>
public sealed class RelayState<T> : ICheckpointable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _neighbours;
    private readonly T[][] _inbox;
    private readonly int[] _inboxCounts;

    /// <summary>Creates the state of <paramref name="worker"/> for vectors of length <paramref name="dimension"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="tree"/> is not a tree (RelaySum would count workers more than once).</exception>
    public RelayState(Graph tree, int worker, int dimension)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (!tree.IsTree)
            throw new ArgumentException(NotATreeMessage(tree), nameof(tree));
        _neighbours = tree.Neighbours(worker).ToArray();
        _inbox = new T[_neighbours.Length][];
        for (var k = 0; k < _inbox.Length; k++)
            _inbox[k] = new T[dimension];
        _inboxCounts = new int[_neighbours.Length];
        Worker = worker;
        Dimension = dimension;
        WorkerCount = tree.NodeCount;
    }

    public int Worker { get; }

    /// <summary>Length of every payload.</summary>
    public int Dimension { get; }

    /// <summary>n, the number of workers in the tree.</summary>
    public int WorkerCount { get; }

    /// <summary>Tree neighbours, ascending; slot k of the inbox belongs to <c>Neighbours[k]</c>.</summary>
    public ReadOnlySpan<int> Neighbours => _neighbours;

    /// <summary>The inbox slot of <paramref name="neighbour"/>, or −1 if it is not a neighbour.</summary>
    public int SlotOf(int neighbour)
    {
        var slot = Array.BinarySearch(_neighbours, neighbour);
        return slot >= 0 ? slot : -1;
    }

    /// <summary>
    /// Message for neighbour <paramref name="to"/>: m_{i→j} = own + Σ_{k≠j} m_{k→i} (what every *other* neighbour
    /// relayed last round), written into <paramref name="destination"/>. Returns c_{i→j} = 1 + Σ_{k≠j} c_{k→i}.
    /// </summary>
    public int ComposeOutgoing(int to, ReadOnlySpan<T> own, Span<T> destination) =>
        ComposeOutgoingAt(RequireSlot(to, nameof(to)), own, destination);

    /// <summary><see cref="ComposeOutgoing"/> for the neighbour in inbox slot <paramref name="skip"/> (callers that know the slot skip the search).</summary>
    internal int ComposeOutgoingAt(int skip, ReadOnlySpan<T> own, Span<T> destination)
    {
        CheckLength(own, nameof(own));
        CheckLength(destination, nameof(destination));
        var count = 1;
        var started = false;
        for (var k = 0; k < _neighbours.Length; k++)
        {
            if (k == skip)
                continue;
            if (started)
                VectorMath.Add(destination, _inbox[k], destination);
            else
                StartSum(own, _inbox[k], destination);
            started = true;
            count += _inboxCounts[k];
        }
        if (!started)
            VectorMath.Copy(own, destination);
        return count;
    }

    /// <summary>Stores m_{j→i} and c_{j→i} from <paramref name="from"/>, replacing its previous message (copied; the payload stays the sender's).</summary>
    public void Accept(int from, ReadOnlySpan<T> payload, int count) => AcceptAt(RequireSlot(from, nameof(from)), payload, count);

    /// <summary><see cref="Accept"/> for the neighbour in inbox slot <paramref name="slot"/>.</summary>
    internal void AcceptAt(int slot, ReadOnlySpan<T> payload, int count)
    {
        CheckLength(payload, nameof(payload));
        if (count < 0 || count >= WorkerCount)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Worker {Worker} got count {count} from {_neighbours[slot]}; a neighbour can relay 0..{WorkerCount - 1} workers");
        payload.CopyTo(_inbox[slot]);
        _inboxCounts[slot] = count;
    }

    /// <summary>S_i = own + Σ_j m_{j→i} into <paramref name="sum"/>; returns C_i = 1 + Σ_j c_{j→i}, the number of workers in the sum.</summary>
    public int Aggregate(ReadOnlySpan<T> own, Span<T> sum)
    {
        CheckLength(own, nameof(own));
        CheckLength(sum, nameof(sum));
        Combine(own, default, T.Zero, divisor: null, sum);
        return TotalCount();
    }

    /// <summary>S_i / C_i into <paramref name="destination"/> (the "counts" normalisation: the exact mean of the workers heard so far); returns C_i.</summary>
    public int Average(ReadOnlySpan<T> own, Span<T> destination)
    {
        CheckLength(own, nameof(own));
        CheckLength(destination, nameof(destination));
        var count = TotalCount();
        Combine(own, default, T.Zero, T.CreateChecked(count), destination);
        return count;
    }

    /// <summary>
    /// The "world size" normalisation (spec §1.1): (S_i + (n − C_i)·r) / n into <paramref name="destination"/>, where the
    /// reference <paramref name="fill"/> stands in for the n − C_i workers not heard from (an empty span fills with zero).
    /// Returns C_i. <paramref name="own"/> may be <paramref name="destination"/>; <paramref name="fill"/> must not overlap it.
    /// </summary>
    public int AverageWithFill(ReadOnlySpan<T> own, ReadOnlySpan<T> fill, Span<T> destination)
    {
        if (!fill.IsEmpty)
            CheckLength(fill, nameof(fill));
        CheckLength(own, nameof(own));
        CheckLength(destination, nameof(destination));
        var count = TotalCount();
        var missing = WorkerCount - count;
        Combine(own, missing > 0 ? fill : default, T.CreateChecked(missing), T.CreateChecked(WorkerCount), destination);
        return count;
    }

    /// <summary>
    /// Forgets <paramref name="from"/>'s message of this round: it was dropped (spec §1.6), so its vector and count
    /// leave S_i and C_i and are not relayed next round. The count drops to 0 until the neighbour's next message.
    /// </summary>
    public void Drop(int from) => DropAt(RequireSlot(from, nameof(from)));

    /// <summary><see cref="Drop"/> for the neighbour in inbox slot <paramref name="slot"/>.</summary>
    internal void DropAt(int slot)
    {
        VectorMath.Clear<T>(_inbox[slot]);
        _inboxCounts[slot] = 0;
    }

    /// <summary>c_{j→i} as last accepted from the neighbour in <paramref name="slot"/> (0 before any message or after a drop).</summary>
    public int CountAt(int slot) => _inboxCounts[slot];

    /// <summary>
    /// The inbox: every slot's m_{j→i} and c_{j→i} (a dropped message's slot is zero with count 0), after the tree
    /// neighbours and sizes it belongs to, which reading checks.
    /// </summary>
    public void WriteState(BinaryWriter writer)
    {
        StateIO.WriteTag(writer, StateTag);
        writer.Write(WorkerCount);
        StateIO.WriteSpan<int>(writer, _neighbours);
        StateIO.WriteSpan<int>(writer, _inboxCounts);
        foreach (var slot in _inbox)
            StateIO.WriteSpan<T>(writer, slot);
    }

    public void ReadState(BinaryReader reader)
    {
        StateIO.ExpectTag(reader, StateTag);
        StateIO.ExpectInt32(reader, WorkerCount, "the number of workers in the tree");
        StateIO.ExpectSpan<int>(reader, _neighbours, $"worker {Worker}'s tree neighbours");
        StateIO.ReadSpan<int>(reader, _inboxCounts, $"worker {Worker}'s inbox counts");
        foreach (var count in _inboxCounts)
            if (count < 0 || count >= WorkerCount)
                throw new InvalidDataException($"State of worker {Worker} has inbox count {count}; a neighbour can relay 0..{WorkerCount - 1} workers");
        for (var k = 0; k < _inbox.Length; k++)
            StateIO.ReadSpan<T>(reader, _inbox[k], $"worker {Worker}'s inbox slot of neighbour {_neighbours[k]}");
    }

    /// <summary>C_i = 1 + Σ_j c_{j→i}.</summary>
    private int TotalCount()
    {
        var count = 1;
        foreach (var c in _inboxCounts)
            count += c;
        return count;
    }

    /// <summary>
    /// (own + Σ_k inbox_k + <paramref name="fillFactor"/>·<paramref name="fill"/>) / <paramref name="divisor"/> into
    /// <paramref name="destination"/>; the fill term is skipped when <paramref name="fill"/> is empty and the division
    /// when there is no <paramref name="divisor"/>.
    /// </summary>
    private void Combine(ReadOnlySpan<T> own, ReadOnlySpan<T> fill, T fillFactor, T? divisor, Span<T> destination)
    {
        if (_inbox.Length == 0)
            VectorMath.Copy(own, destination);
        else
            StartSum(own, _inbox[0], destination);
        for (var k = 1; k < _inbox.Length; k++)
            VectorMath.Add(destination, _inbox[k], destination);
        if (!fill.IsEmpty)
            VectorMath.MultiplyAdd(fill, fillFactor, destination, destination);
        if (divisor is { } d)
            VectorMath.Divide(destination, d, destination);
    }

    /// <summary>
    /// <paramref name="destination"/> = <paramref name="own"/> + <paramref name="slot"/> in one pass; through a copy when
    /// own overlaps the destination at another start, which a single vector call does not allow.
    /// </summary>
    private static void StartSum(ReadOnlySpan<T> own, ReadOnlySpan<T> slot, Span<T> destination)
    {
        if (own.Overlaps(destination, out var offset) && offset != 0)
        {
            VectorMath.Copy(own, destination);
            VectorMath.Add(destination, slot, destination);
        }
        else
        {
            VectorMath.Add(own, slot, destination);
        }
    }

    private static string StateTag => StateIO.TypeTag(typeof(RelayState<T>));

    private int RequireSlot(int neighbour, string parameter)
    {
        var slot = SlotOf(neighbour);
        return slot >= 0
            ? slot
            : throw new ArgumentOutOfRangeException(parameter, neighbour, $"Worker {neighbour} is not a tree neighbour of worker {Worker} (neighbours: {string.Join(", ", _neighbours)})");
    }

    private void CheckLength(ReadOnlySpan<T> vector, string parameter)
    {
        if (vector.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: {parameter} has length {vector.Length}, expected {Dimension}", parameter);
    }

    private static string NotATreeMessage(Graph graph)
    {
        var shape = graph.IsConnected ? "it contains a cycle" : "it is disconnected";
        return $"RelaySum needs a tree, but this graph ({graph.NodeCount} nodes, {graph.Edges.Count} edges) is not one: {shape}. "
            + "On a cycle relayed messages return to their origin and workers are counted more than once; "
            + "relay over a spanning tree of the graph instead (e.g. a chain or binary tree, or a BFS tree).";
    }
}
