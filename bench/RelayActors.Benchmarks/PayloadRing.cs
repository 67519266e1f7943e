namespace RelayActors.Benchmarks;

/// <summary>
/// A stand-in for a payload pool with hand-off: cycles through a few arrays per length. Valid only where the receiver
/// is done with a payload before <see cref="Slots"/> newer ones of its length arrive (the remote scenario's sink is).
/// </summary>
internal sealed class PayloadRing
{
    public const int Slots = 8;

    private readonly Dictionary<int, (float[][] Arrays, int Next)> _rings = [];

    public float[] Next(int length)
    {
        // Called only from the one reader thread of the data lane.
        if (!_rings.TryGetValue(length, out var ring))
            ring = (Enumerable.Range(0, Slots).Select(_ => GC.AllocateUninitializedArray<float>(length)).ToArray(), 0);
        _rings[length] = (ring.Arrays, (ring.Next + 1) % Slots);
        return ring.Arrays[ring.Next];
    }
}
