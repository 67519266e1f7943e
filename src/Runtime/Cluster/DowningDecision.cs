namespace RelayActors.Runtime.Cluster;

/// <summary>What the split brain resolver decided.</summary>
internal enum DowningDecision
{
    /// <summary>Nothing unreachable, or nothing to do.</summary>
    None,

    /// <summary>This side wins: down the unreachable members.</summary>
    DownUnreachable,

    /// <summary>This side loses: down this node.</summary>
    DownSelf,
}
