using RelayActors.Actors.Distributed;
using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Commands;

/// <summary>
/// Turns the cluster's verdicts on a member (unreachable, downed, removed) into <see cref="NodeLost"/> notices for the
/// coordinator of the current run, so a segment waiting on a dead node ends instead of hanging.
/// </summary>
internal sealed class LostNodeWatch(IActorRef<ICoordinatorMessage> coordinator) : Actor<IMemberEvent>
{
    protected override void Receive(IMemberEvent message)
    {
        switch (message)
        {
            case UnreachableMember e:
                coordinator.Tell(new NodeLost(e.Member.Address.ToString(), "unreachable: the failure detector stopped hearing its heartbeats"));
                break;
            case MemberDowned e:
                coordinator.Tell(new NodeLost(e.Member.Address.ToString(), "downed"));
                break;
            case MemberRemoved e:
                coordinator.Tell(new NodeLost(e.Member.Address.ToString(), $"removed from the cluster (was {e.PreviousStatus})"));
                break;
        }
    }
}
