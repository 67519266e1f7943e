namespace RelayActors.Actors.Compression;

/// <summary>Argument checks the compressors share.</summary>
internal static class CompressorChecks
{
    /// <summary>Bytes of an index on the wire (a 32-bit coordinate number).</summary>
    public const int IndexBytes = sizeof(int);

    public static void RequireLengths<T>(int dimension, ReadOnlySpan<T> x, Span<T> destination)
    {
        if (x.Length != dimension || destination.Length != dimension)
            throw new ArgumentException($"A compressor for {dimension} elements got a vector of {x.Length} and a destination of {destination.Length}");
    }

    public static int RequireDimension(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        return dimension;
    }
}
