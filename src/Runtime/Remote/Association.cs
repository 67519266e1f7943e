using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// This node's sending side towards one other node: a control lane and a data lane, each its own outbound TCP
/// connection. Each node sends only on connections it opened and receives only on connections it accepted, so two
/// nodes connecting to each other at once still form exactly one association per direction and nothing is deduplicated.
/// </summary>
internal sealed class Association : IDisposable
{
    private readonly RemoteTransport _transport;
    private readonly OutboundLane _control;
    private readonly OutboundLane _data;
    private readonly Lock _gate = new();
    private bool _established;

    public Association(RemoteTransport transport, Address remote)
    {
        _transport = transport;
        Remote = remote;
        _control = new OutboundLane(this, transport, RemoteLane.Control);
        _data = new OutboundLane(this, transport, RemoteLane.Data);
        _control.Start();
        _data.Start();
    }

    public Address Remote { get; }

    public void Send(RemoteLane lane, OutboundFrame frame) => (lane == RemoteLane.Control ? _control : _data).Enqueue(frame);

    public void LaneUp(RemoteLane lane)
    {
        var other = lane == RemoteLane.Control ? _data : _control;
        bool publish;
        lock (_gate)
        {
            publish = !_established && other.IsConnected;
            _established |= publish;
        }
        if (publish)
        {
            RemoteLog.Established(_transport.Log, Remote);
            _transport.System.EventStream.Publish(new AssociationEstablished(Remote));
        }
        else if (!other.IsConnected)
            other.RequestConnect();
    }

    public void LaneDown(RemoteLane lane, string reason)
    {
        bool publish;
        lock (_gate)
        {
            publish = _established;
            _established = false;
        }
        RemoteLog.Lost(_transport.Log, Remote, lane, reason);
        if (publish)
            _transport.System.EventStream.Publish(new AssociationLost(Remote, reason));
    }

    public void Dispose()
    {
        _control.Dispose();
        _data.Dispose();
    }
}
