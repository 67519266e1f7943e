using System.Threading.Channels;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Distributed;

/// <summary>The coordinator's address on the cluster: hands every reply and node-loss notice to the thread that drives the run.</summary>
internal sealed class CoordinatorInbox(ChannelWriter<ICoordinatorMessage> writer) : Actor<ICoordinatorMessage>
{
    protected override void Receive(ICoordinatorMessage message) => writer.TryWrite(message);
}
