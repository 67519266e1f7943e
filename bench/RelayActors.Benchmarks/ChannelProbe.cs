using System.Threading.Channels;

namespace RelayActors.Benchmarks;

/// <summary>
/// A long-lived raw channel with its async consumer, driven like <c>AllocationBenchmark</c>'s actor probe so the
/// two allocation figures are comparable. The consumer publishes how far it got (a SingleReader unbounded
/// channel cannot Count).
/// </summary>
internal sealed class ChannelProbe : IDisposable
{
    private readonly Channel<Ping> _channel = Channel.CreateUnbounded<Ping>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Ping[] _pool = Ping.Pool();
    private readonly Task _consumer;
    private long _consumed;
    private long _sent;

    public ChannelProbe() => _consumer = Task.Run(Consume);

    /// <summary>Producer-thread bytes per message for one burst of <paramref name="count"/>.</summary>
    public double Burst(int count)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        WriteMany(count);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        AwaitConsumed();
        return (double)bytes / count;
    }

    /// <summary>Producer-thread bytes per message, writing <paramref name="burst"/> at a time and waiting for each to drain.</summary>
    public double Paced(int count, int burst = 1_000)
    {
        long bytes = 0;
        for (var sent = 0; sent < count; sent += burst)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            WriteMany(burst);
            bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            AwaitConsumed();
        }
        return (double)bytes / count;
    }

    /// <summary>Process-wide bytes per message over a full run of <paramref name="count"/>.</summary>
    public double WholeProcess(int count)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        WriteMany(count);
        AwaitConsumed();
        return (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / count;
    }

    private void WriteMany(int count)
    {
        var writer = _channel.Writer;
        var mask = _pool.Length - 1;
        for (var i = 0; i < count; i++)
            writer.TryWrite(_pool[i & mask]);
        _sent += count;
    }

    private void AwaitConsumed()
    {
        var spinner = new SpinWait();
        while (Volatile.Read(ref _consumed) < _sent)
            spinner.SpinOnce();
    }

    private async Task Consume()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out _))
                Volatile.Write(ref _consumed, _consumed + 1);
        }
    }

    public void Dispose()
    {
        _channel.Writer.Complete();
        _consumer.GetAwaiter().GetResult();
    }
}
