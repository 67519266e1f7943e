namespace RelayActors.Runtime.Cluster;

/// <summary>How far along its lifecycle a status is; membership merges keep the most advanced one.</summary>
internal static class MemberStatusOrder
{
    /// <summary>Joining &lt; Up &lt; Leaving &lt; Exiting &lt; Down &lt; Removed: every status can be downed, and every path ends removed.</summary>
    public static int Rank(MemberStatus status) => status switch
    {
        MemberStatus.Joining => 0,
        MemberStatus.Up => 1,
        MemberStatus.Leaving => 2,
        MemberStatus.Exiting => 3,
        MemberStatus.Down => 4,
        MemberStatus.Removed => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown member status"),
    };
}
