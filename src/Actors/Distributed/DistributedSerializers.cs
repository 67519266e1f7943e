using RelayActors.Runtime.Remote;

namespace RelayActors.Actors.Distributed;

/// <summary>Registers the distributed-training protocol with a transport: JSON; the messages that carry worker states on the data lane.</summary>
public static class DistributedSerializers
{
    public static void Register(SerializerRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var json = DistributedJsonContext.Default;
        registry
            .AddJson("distributed.prepare-run", json.PrepareRun, RemoteLane.Data)
            .AddJson("distributed.run-prepared", json.RunPrepared)
            // States (kilobytes to megabytes per worker) travel on the data lane, behind nothing the heartbeats need.
            .AddJson("distributed.run-segment", json.RunSegment, RemoteLane.Data)
            .AddJson("distributed.segment-ready", json.SegmentReady)
            .AddJson("distributed.start-segment", json.StartSegment)
            .AddJson("distributed.segment-done", json.SegmentDone, RemoteLane.Data)
            .AddJson("distributed.abort-run", json.AbortRun);
    }
}
