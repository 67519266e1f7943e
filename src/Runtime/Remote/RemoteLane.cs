namespace RelayActors.Runtime.Remote;

/// <summary>Which of an association's two TCP connections carries a message type.</summary>
public enum RemoteLane
{
    /// <summary>Small, latency-sensitive messages (heartbeats, membership, notices); never queued behind bulk data.</summary>
    Control = 0,

    /// <summary>Large messages (parameter vectors), streamed in chunks.</summary>
    Data = 1,
}
