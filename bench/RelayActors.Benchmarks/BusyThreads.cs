namespace RelayActors.Benchmarks;

/// <summary>Background threads that keep cores busy (CPU contention for the scheduler-precision scenario).</summary>
internal sealed class BusyThreads : IDisposable
{
    private readonly Thread[] _threads;
    private volatile bool _stop;

    public BusyThreads(int count)
    {
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _threads[i] = new Thread(Spin) { IsBackground = true, Name = $"busy-{i}" };
            _threads[i].Start();
        }
    }

    public double Sink { get; private set; }

    private void Spin()
    {
        var x = 1.0;
        while (!_stop)
        {
            for (var i = 0; i < 10_000; i++)
                x = (x * 1.000001) + 1e-9;
        }
        Sink = x;
    }

    public void Dispose()
    {
        _stop = true;
        foreach (var thread in _threads)
            thread.Join();
    }
}
