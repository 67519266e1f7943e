namespace RelayActors.Actors.Distributed;

/// <summary>
/// A cluster member that can host workers: <paramref name="Node"/> is its address as text (unique in the cluster),
/// <paramref name="Host"/> the machine it runs on (workers on one host talk over memory or loopback, so
/// <see cref="HostAwareTree"/> keeps them together), <paramref name="Capacity"/> its worker slots (e.g. one per GPU;
/// 0 for a member that only submits or observes). Host labels compare ordinally: <c>gpu01</c> and <c>GPU01</c> differ.
/// </summary>
public sealed record NodeSlot(string Node, string Host, int Capacity)
{
    public override string ToString() => $"{Node} on {Host} ({Capacity} slots)";
}
