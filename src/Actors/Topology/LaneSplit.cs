namespace RelayActors.Actors.Topology;

/// <summary>
/// Splits a flat parameter vector across L lanes (trees) by index: lane l carries the indices ≡ l (mod L), as the
/// reference code's <c>tensor[l::L]</c> (spec §3, double binary trees). Allocation-free gather and scatter.
/// </summary>
public static class LaneSplit
{
    /// <summary>How many of <paramref name="dimension"/> parameters lane <paramref name="lane"/> of <paramref name="lanes"/> carries.</summary>
    public static int CountFor(int lane, int lanes, int dimension)
    {
        Check(lane, lanes);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        return (dimension + lanes - 1 - lane) / lanes;
    }

    /// <summary>Copies the parameters of <paramref name="lane"/> from <paramref name="full"/> into <paramref name="part"/>.</summary>
    public static void Gather<T>(ReadOnlySpan<T> full, int lane, int lanes, Span<T> part)
    {
        CheckPart(full.Length, lane, lanes, part.Length);
        for (int k = 0, i = lane; k < part.Length; k++, i += lanes)
            part[k] = full[i];
    }

    /// <summary>Writes <paramref name="part"/> to the indices of <paramref name="lane"/> in <paramref name="full"/>, leaving the other lanes untouched.</summary>
    public static void Scatter<T>(ReadOnlySpan<T> part, int lane, int lanes, Span<T> full)
    {
        CheckPart(full.Length, lane, lanes, part.Length);
        for (int k = 0, i = lane; k < part.Length; k++, i += lanes)
            full[i] = part[k];
    }

    private static void Check(int lane, int lanes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lanes);
        if ((uint)lane >= (uint)lanes)
            throw new ArgumentOutOfRangeException(nameof(lane), lane, $"Lanes are 0..{lanes - 1}");
    }

    private static void CheckPart(int dimension, int lane, int lanes, int partLength)
    {
        var expected = CountFor(lane, lanes, dimension);
        if (partLength != expected)
            throw new ArgumentException($"Lane {lane} of {lanes} over a {dimension}-parameter vector has {expected} parameters; the part has {partLength}");
    }
}
