using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// This node's heartbeat bookkeeping: one failure detector per monitored member, the set it suspects, and since when
/// that set has been unchanged (the split brain resolver's stability clock). Pure: time is passed in.
/// </summary>
internal sealed class Reachability(ClusterSettings settings)
{
    private readonly Dictionary<Address, PhiAccrualFailureDetector> _detectors = [];
    private HashSet<Address> _unreachable = [];

    /// <summary>Members whose phi is at or above the threshold, as of the last <see cref="Reap"/>.</summary>
    public IReadOnlySet<Address> Unreachable => _unreachable;

    /// <summary>When <see cref="Unreachable"/> last changed.</summary>
    public TimeSpan StableSince { get; private set; }

    public IEnumerable<Address> Monitored => _detectors.Keys;

    /// <summary>
    /// Starts watching <paramref name="address"/> with a bootstrap heartbeat at <paramref name="now"/>, so a member that
    /// never answers becomes unreachable like one that stopped answering. Does nothing if already watched.
    /// </summary>
    public void Monitor(Address address, TimeSpan now)
    {
        if (_detectors.ContainsKey(address))
            return;
        var detector = PhiAccrualFailureDetector.FromSettings(settings);
        detector.Heartbeat(now);
        _detectors.Add(address, detector);
    }

    /// <summary>Stops watching (the member was removed); it leaves the unreachable set at the next reap.</summary>
    public void Unmonitor(Address address) => _detectors.Remove(address);

    /// <summary>Records a heartbeat response; ignored for members not watched.</summary>
    public void Heartbeat(Address address, TimeSpan now)
    {
        if (_detectors.TryGetValue(address, out var detector))
            detector.Heartbeat(now);
    }

    /// <summary>Recomputes the unreachable set; returns the members that became unreachable and the watched ones that are reachable again.</summary>
    public (IReadOnlyList<Address> NewlyUnreachable, IReadOnlyList<Address> Recovered) Reap(TimeSpan now)
    {
        var next = _detectors.Where(kv => !kv.Value.IsAvailable(now)).Select(kv => kv.Key).ToHashSet();
        var newly = next.Where(a => !_unreachable.Contains(a)).Order(AddressOrder.Instance).ToList();
        var recovered = _unreachable.Where(a => !next.Contains(a) && _detectors.ContainsKey(a)).Order(AddressOrder.Instance).ToList();
        if (newly.Count > 0 || recovered.Count > 0)
            StableSince = now;
        _unreachable = next;
        return (newly, recovered);
    }
}
