namespace RelayActors.Runtime.Cluster;

/// <summary>How a node resolves unreachable members (<c>relay-actors.cluster.downing</c>).</summary>
public enum DowningStrategy
{
    /// <summary>
    /// Split brain resolver "keep majority": once unreachability is stable, the side holding a majority of the members
    /// downs the others; with an exact half the side holding the lowest address wins; the losing side downs itself.
    /// </summary>
    KeepMajority,

    /// <summary>Never down automatically; only <see cref="Cluster.Down"/> removes unreachable members.</summary>
    Off,
}
