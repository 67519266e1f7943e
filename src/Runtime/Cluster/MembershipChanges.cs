namespace RelayActors.Runtime.Cluster;

/// <summary>Turns two successive membership states into the member events a subscriber sees (pure).</summary>
internal static class MembershipChanges
{
    /// <summary>One event per entry whose status changed, by address order; entries first seen as tombstones are skipped.</summary>
    public static IReadOnlyList<IMemberEvent> Diff(Gossip before, Gossip after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var events = new List<IMemberEvent>();
        foreach (var m in after.Members)
        {
            var old = before.Get(m.Address, m.Incarnation);
            if (old is not null && old.Status == m.Status)
                continue;
            if (Event(m, old) is { } e)
                events.Add(e);
        }
        return events;
    }

    private static IMemberEvent? Event(Member m, Member? old) => m.Status switch
    {
        MemberStatus.Joining => new MemberJoined(m),
        MemberStatus.Up => new MemberUp(m),
        MemberStatus.Leaving => new MemberLeft(m),
        MemberStatus.Exiting => new MemberExited(m),
        MemberStatus.Down => new MemberDowned(m),
        MemberStatus.Removed when old is not null => new MemberRemoved(m, old.Status),
        _ => null,
    };
}
