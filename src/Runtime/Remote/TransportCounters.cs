namespace RelayActors.Runtime.Remote;

/// <summary>The mutable, thread-safe counters behind <see cref="RemoteCounters"/>.</summary>
internal sealed class TransportCounters
{
    // Per lane: messages sent, bytes sent, messages received, bytes received.
    private readonly long[] _lanes = new long[8];
    private long _framesRejected;
    private long _messagesDropped;

    public void Sent(RemoteLane lane, long bytes)
    {
        Interlocked.Increment(ref _lanes[(int)lane * 4]);
        Interlocked.Add(ref _lanes[(int)lane * 4 + 1], bytes);
    }

    public void Received(RemoteLane lane, long bytes)
    {
        Interlocked.Increment(ref _lanes[(int)lane * 4 + 2]);
        Interlocked.Add(ref _lanes[(int)lane * 4 + 3], bytes);
    }

    public void FrameRejected() => Interlocked.Increment(ref _framesRejected);

    public long Dropped(int count = 1) => Interlocked.Add(ref _messagesDropped, count);

    public RemoteCounters Snapshot() => new(Lane(RemoteLane.Control), Lane(RemoteLane.Data), Interlocked.Read(ref _framesRejected), Interlocked.Read(ref _messagesDropped));

    private LaneCounters Lane(RemoteLane lane)
    {
        var i = (int)lane * 4;
        return new LaneCounters(Interlocked.Read(ref _lanes[i]), Interlocked.Read(ref _lanes[i + 1]), Interlocked.Read(ref _lanes[i + 2]), Interlocked.Read(ref _lanes[i + 3]));
    }
}
