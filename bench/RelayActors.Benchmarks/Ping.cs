namespace RelayActors.Benchmarks;

/// <summary>The payload of the throughput scenarios: a class, preallocated once and told over and over.</summary>
internal sealed class Ping(int id)
{
    public int Id { get; } = id;

    /// <summary>A ring of <paramref name="count"/> distinct messages to cycle through (so no message is reused back-to-back).</summary>
    public static Ping[] Pool(int count = 1024)
    {
        var pool = new Ping[count];
        for (var i = 0; i < count; i++)
            pool[i] = new Ping(i);
        return pool;
    }
}
