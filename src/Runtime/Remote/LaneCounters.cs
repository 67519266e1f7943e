namespace RelayActors.Runtime.Remote;

/// <summary>Running totals of one lane over all associations (bytes include frame headers and paths).</summary>
public readonly record struct LaneCounters(long MessagesSent, long BytesSent, long MessagesReceived, long BytesReceived);
