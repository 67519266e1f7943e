namespace RelayActors.Runtime.Cluster;

/// <summary>
/// Lifecycle of a member (Akka's <c>MemberStatus</c> without WeaklyUp). Unreachability is not a status: it is what
/// one observer's failure detector says, reported with <see cref="UnreachableMember"/>.
/// </summary>
public enum MemberStatus
{
    Joining,
    Up,
    Leaving,
    Exiting,
    Removed,
    Down,
}
