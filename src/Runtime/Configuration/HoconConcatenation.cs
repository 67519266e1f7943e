namespace RelayActors.Runtime.Configuration;

/// <summary>Adjacent strings and substitutions, e.g. <c>"runs/"${name}</c>, joined into one string when resolved.</summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(IReadOnlyList<HoconValue> parts, HoconOrigin origin)
        : base(origin)
    {
        Parts = parts;
    }

    /// <summary>Scalars and substitutions in the order written.</summary>
    public IReadOnlyList<HoconValue> Parts { get; }
}
