namespace RelayActors.Runtime.Remote;

/// <summary>
/// A snapshot of a transport's counters: traffic per lane, inbound frames rejected (unknown manifest, oversize,
/// undecodable, misaddressed) and outbound messages dropped (no serializer, oversize, no connection, shutdown).
/// </summary>
public readonly record struct RemoteCounters(LaneCounters Control, LaneCounters Data, long FramesRejected, long MessagesDropped)
{
    /// <summary>The counters of <paramref name="lane"/>.</summary>
    public LaneCounters this[RemoteLane lane] => lane == RemoteLane.Control ? Control : Data;
}
