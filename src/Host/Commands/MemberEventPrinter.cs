using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Commands;

/// <summary>Prints the cluster's membership changes, one line each, for the operator watching a node or a submit.</summary>
internal sealed class MemberEventPrinter(TextWriter output) : Actor<IMemberEvent>
{
    protected override void Receive(IMemberEvent message)
    {
        var line = message switch
        {
            CurrentClusterState s => $"cluster: {s.State.Members.Count} member(s), leader {s.State.Leader?.ToString() ?? "none yet"}",
            MemberUp e => $"member up: {Describe(e.Member)}",
            MemberJoined e => $"member joining: {Describe(e.Member)}",
            MemberLeft e => $"member leaving: {e.Member.Address}",
            MemberExited e => $"member exiting: {e.Member.Address}",
            MemberDowned e => $"member downed: {e.Member.Address}",
            MemberRemoved e => $"member removed: {e.Member.Address} (was {e.PreviousStatus})",
            UnreachableMember e => $"member unreachable: {e.Member.Address}",
            ReachableMember e => $"member reachable again: {e.Member.Address}",
            LeaderChanged e => $"leader: {e.Leader?.ToString() ?? "none"}",
            _ => null,
        };
        if (line is not null)
            output.WriteLine(line);
    }

    private static string Describe(Member member) =>
        $"{member.Address} (host {ClusterMember.HostOf(member)}, capacity {ClusterMember.CapacityOf(member)})";
}
