namespace RelayActors.Actors.Relay;

/// <summary>
/// One directed message stream of a round as a worker sees it: the peer at the other end and the lane, i.e. which
/// tree of a multi-tree relay the payload belongs to (0 when there is one tree or no tree at all).
/// </summary>
public readonly record struct Channel(int Peer, int Lane)
{
    public override string ToString() => Lane == 0 ? $"worker {Peer}" : $"worker {Peer} (lane {Lane})";
}
