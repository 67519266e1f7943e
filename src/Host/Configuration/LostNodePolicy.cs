namespace RelayActors.Host.Configuration;

/// <summary>What a cluster run does when a node hosting workers becomes unreachable or is downed.</summary>
internal enum LostNodePolicy
{
    /// <summary>Abort the segment on the other nodes and stop; the last checkpoint (at the last evaluation) stays for a resume.</summary>
    StopWithCheckpoint,

    /// <summary>Move the lost node's workers to the surviving nodes (when they have the slots) and resume from the last checkpoint.</summary>
    Continue,
}
