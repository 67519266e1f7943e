using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// This node's heartbeat bookkeeping: one failure detector per monitored member, the set it suspects, and since when
/// that set has been unchanged (the split brain resolver's stability clock). Pure: time is passed in.
/// </summary>
internal sealed class Reachability(ClusterSettings settings)
{
    private readonly Dictionary<Address, (long Incarnation, PhiAccrualFailureDetector Detector)> _detectors = [];
    private HashSet<Address> _unreachable = [];

    /// <summary>Members whose phi is at or above the threshold, as of the last <see cref="Reap"/>.</summary>
    public IReadOnlySet<Address> Unreachable => _unreachable;

    /// <summary>When <see cref="Unreachable"/> last changed.</summary>
    public TimeSpan StableSince { get; private set; }

    public IEnumerable<Address> Monitored => _detectors.Keys;

    /// <summary>
    /// Starts watching <paramref name="address"/> with a bootstrap heartbeat at <paramref name="now"/>, so a member that
    /// never answers becomes unreachable like one that stopped answering. Does nothing if this incarnation is already
    /// watched; a new incarnation (a restarted node) starts over with a fresh detector and a clean record.
    /// </summary>
    public void Monitor(Address address, long incarnation, TimeSpan now)
    {
        if (_detectors.TryGetValue(address, out var watched) && watched.Incarnation == incarnation)
            return;
        Unmonitor(address, now);
        var detector = PhiAccrualFailureDetector.FromSettings(settings);
        detector.Heartbeat(now);
        _detectors.Add(address, (incarnation, detector));
    }

    /// <summary>
    /// Stops watching (the member was removed or replaced) and forgets its suspicion at once: a stale entry would
    /// otherwise let the resolver down a new incarnation at the same address before the next reap.
    /// </summary>
    public void Unmonitor(Address address, TimeSpan now)
    {
        _detectors.Remove(address);
        if (_unreachable.Remove(address))
            StableSince = now;
    }

    /// <summary>Records a heartbeat response; ignored for members not watched.</summary>
    public void Heartbeat(Address address, TimeSpan now)
    {
        if (_detectors.TryGetValue(address, out var watched))
            watched.Detector.Heartbeat(now);
    }

    /// <summary>Recomputes the unreachable set; returns the members that became unreachable and the ones reachable again.</summary>
    public (IReadOnlyList<Address> NewlyUnreachable, IReadOnlyList<Address> Recovered) Reap(TimeSpan now)
    {
        var next = _detectors.Where(kv => !kv.Value.Detector.IsAvailable(now)).Select(kv => kv.Key).ToHashSet();
        var newly = next.Where(a => !_unreachable.Contains(a)).Order(AddressOrder.Instance).ToList();
        var recovered = _unreachable.Where(a => !next.Contains(a)).Order(AddressOrder.Instance).ToList();
        if (newly.Count > 0 || recovered.Count > 0)
            StableSince = now;
        _unreachable = next;
        return (newly, recovered);
    }
}
