using System.Globalization;
using System.Text;

namespace RelayActors.Actors.Distributed;

/// <summary>
/// Which cluster member runs which worker. Deterministic: every member computes the same placement from the same set
/// of <see cref="NodeSlot"/>s, whatever order it learned them in.
/// </summary>
/// <remarks>
/// Rules of <see cref="Assign"/>:
/// <list type="number">
/// <item>Members are sorted by host, then node (ordinal), so the members of one host are adjacent.</item>
/// <item>Worker counts balance the load proportionally to capacity: each worker goes to the member with the lowest
/// fill ratio workers/capacity that still has a free slot, the earliest in sort order on ties. Every member with a
/// slot therefore gets one worker before any gets a second (no member sits idle while workers ≥ members), equal
/// capacities differ by at most one worker, and when workers = total capacity every slot is used. Filling members
/// in order instead would leave the last machines idle whenever the run is smaller than the cluster.</item>
/// <item>Worker ids are then handed out contiguously in sort order: each member's workers, and so each host's,
/// form one range of ids.</item>
/// </list>
/// </remarks>
public sealed class Placement
{
    private static readonly string[] Header = ["node", "host", "capacity", "workers"];

    private readonly NodeSlot[] _nodes;
    private readonly int[] _first;
    private readonly int[] _count;
    private readonly int[] _nodeOfWorker;
    private readonly string[] _hosts;

    private Placement(NodeSlot[] nodes, int[] count)
    {
        _nodes = nodes;
        _count = count;
        _first = new int[nodes.Length];
        var next = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            _first[i] = next;
            next += count[i];
        }
        _nodeOfWorker = new int[next];
        for (var i = 0; i < nodes.Length; i++)
            Array.Fill(_nodeOfWorker, i, _first[i], count[i]);
        var hosts = new List<string>();
        for (var i = 0; i < nodes.Length; i++)
            if (count[i] > 0 && (hosts.Count == 0 || hosts[^1] != nodes[i].Host))
                hosts.Add(nodes[i].Host);
        _hosts = [.. hosts];
    }

    /// <summary>Places <paramref name="workers"/> workers on <paramref name="nodes"/> (rules in the remarks).</summary>
    /// <exception cref="ArgumentException">A node is null, repeated, has an empty name or host, or a negative capacity; or the capacities together hold fewer than <paramref name="workers"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is not positive.</exception>
    public static Placement Assign(IReadOnlyList<NodeSlot> nodes, int workers)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        var sorted = Validate(nodes);
        var total = sorted.Sum(n => (long)n.Capacity);
        if (total < workers)
            throw new ArgumentException(
                $"{workers} workers do not fit on {sorted.Length} nodes with {total} slots in all ({Capacities(sorted)})", nameof(workers));
        var count = new int[sorted.Length];
        for (var w = 0; w < workers; w++)
        {
            var best = -1;
            for (var i = 0; i < sorted.Length; i++)
            {
                if (count[i] >= sorted[i].Capacity)
                    continue;
                // count[i]/cap[i] < count[best]/cap[best], exactly: cross-multiplied in 64 bits.
                if (best < 0 || (long)count[i] * sorted[best].Capacity < (long)count[best] * sorted[i].Capacity)
                    best = i;
            }
            count[best]++;
        }
        return new Placement(sorted, count);
    }

    /// <summary>Every member, sorted by host, then node; members without workers included.</summary>
    public IReadOnlyList<NodeSlot> Nodes => _nodes;

    public int Workers => _nodeOfWorker.Length;

    /// <summary>The hosts that run at least one worker, in worker-id order (sorted by label).</summary>
    public IReadOnlyList<string> Hosts => _hosts;

    /// <summary>The member that runs <paramref name="worker"/>.</summary>
    public NodeSlot NodeOf(int worker) => _nodes[_nodeOfWorker[CheckWorker(worker)]];

    /// <summary>The host label of <paramref name="worker"/>'s member.</summary>
    public string HostOf(int worker) => NodeOf(worker).Host;

    /// <summary>The ids of the workers on the member whose address is <paramref name="node"/>, ascending (empty for a member without workers).</summary>
    /// <exception cref="ArgumentException"><paramref name="node"/> is not a member.</exception>
    public IReadOnlyList<int> WorkersOn(string node)
    {
        ArgumentNullException.ThrowIfNull(node);
        for (var i = 0; i < _nodes.Length; i++)
            if (_nodes[i].Node == node)
                return Range(_first[i], _count[i]);
        throw new ArgumentException($"'{node}' is not one of the {_nodes.Length} placed nodes", nameof(node));
    }

    /// <summary>The ids of the workers on <paramref name="host"/>, ascending: one contiguous range (empty for an unknown host or one without workers).</summary>
    public IReadOnlyList<int> WorkersOnHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        int first = -1, count = 0;
        for (var i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i].Host != host || _count[i] == 0)
                continue;
            if (first < 0)
                first = _first[i];
            count += _count[i];
        }
        return first < 0 ? [] : Range(first, count);
    }

    /// <summary>
    /// A table of node, host, capacity and worker ids (<c>0-3</c>, or <c>-</c> for none), with a total line: printed
    /// at start and written to the run folder as <c>placement.txt</c>.
    /// </summary>
    public string Render()
    {
        var rows = new List<string[]> { Header };
        foreach (var (node, i) in _nodes.Select((n, i) => (n, i)))
            rows.Add([node.Node, node.Host, node.Capacity.ToString(CultureInfo.InvariantCulture), FormatRange(_first[i], _count[i])]);
        rows.Add(["total", $"{_hosts.Length} hosts", _nodes.Sum(n => (long)n.Capacity).ToString(CultureInfo.InvariantCulture), Workers.ToString(CultureInfo.InvariantCulture)]);
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = c == 2 ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]);
                text.Append(c + 1 < row.Length ? cell + "  " : cell.TrimEnd());
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public override string ToString() => $"Placement({Workers} workers on {_hosts.Length} hosts, {_nodes.Length} nodes)";

    private static NodeSlot[] Validate(IReadOnlyList<NodeSlot> nodes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node is null)
                throw new ArgumentException("A node slot is null", nameof(nodes));
            if (string.IsNullOrWhiteSpace(node.Node) || string.IsNullOrWhiteSpace(node.Host))
                throw new ArgumentException($"Node '{node.Node}' on host '{node.Host}' needs a non-empty address and host label", nameof(nodes));
            if (node.Capacity < 0)
                throw new ArgumentException($"Node {node.Node} has capacity {node.Capacity}; a capacity must be 0 or more", nameof(nodes));
            if (!names.Add(node.Node))
                throw new ArgumentException($"Node {node.Node} appears twice", nameof(nodes));
        }
        return [.. nodes.OrderBy(n => n.Host, StringComparer.Ordinal).ThenBy(n => n.Node, StringComparer.Ordinal)];
    }

    private static string Capacities(IEnumerable<NodeSlot> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Node}: {n.Capacity}"));

    private static int[] Range(int first, int count) => Enumerable.Range(first, count).ToArray();

    private static string FormatRange(int first, int count) => count switch
    {
        0 => "-",
        1 => first.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{first}-{first + count - 1}"),
    };

    private int CheckWorker(int worker)
    {
        if ((uint)worker >= (uint)_nodeOfWorker.Length)
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"Worker must be in 0..{_nodeOfWorker.Length - 1}");
        return worker;
    }
}
