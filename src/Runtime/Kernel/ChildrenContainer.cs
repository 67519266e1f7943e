using RelayActors.Runtime.Supervision;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// A cell's children by name, in creation order, with their restart statistics. Locked because top-level actors
/// are spawned from outside the guardian's thread; a name stays taken until the child has fully stopped.
/// </summary>
internal sealed class ChildrenContainer(ActorPath owner)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byName = new(StringComparer.Ordinal);
    private readonly List<LocalActorRef> _ordered = [];
    private IActorRef[]? _snapshot;
    private long _autoNameCounter;

    private sealed record Entry(LocalActorRef Ref, RestartStatistics Statistics);

    public int Count
    {
        get
        {
            lock (_gate)
                return _ordered.Count;
        }
    }

    /// <summary>Live children in creation order (a cached snapshot; safe to enumerate while children change).</summary>
    public IReadOnlyList<IActorRef> Snapshot
    {
        get
        {
            lock (_gate)
                return _snapshot ??= [.. _ordered];
        }
    }

    public string NextAutoName()
    {
        // Akka names anonymous children "$a", "$b", ...; a counter keeps replays deterministic.
        return "$" + Interlocked.Increment(ref _autoNameCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Reserve(string name, LocalActorRef child)
    {
        lock (_gate)
        {
            if (_byName.ContainsKey(name))
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {owner}: a live (or still stopping) child has it.");
            _byName[name] = new Entry(child, new RestartStatistics());
            _ordered.Add(child);
            _snapshot = null;
        }
    }

    public bool Remove(IActorRef child)
    {
        lock (_gate)
        {
            if (!_byName.TryGetValue(child.Path.Name, out var entry) || !entry.Ref.Equals(child))
                return false;
            _byName.Remove(child.Path.Name);
            _ordered.Remove(entry.Ref);
            _snapshot = null;
            return true;
        }
    }

    public LocalActorRef? Get(string name)
    {
        lock (_gate)
            return _byName.TryGetValue(name, out var entry) ? entry.Ref : null;
    }

    /// <summary>The restart statistics of <paramref name="child"/>, or null when it is not (or no longer) our child.</summary>
    public RestartStatistics? StatisticsOf(IActorRef child)
    {
        lock (_gate)
            return _byName.TryGetValue(child.Path.Name, out var entry) && entry.Ref.Equals(child) ? entry.Statistics : null;
    }
}
