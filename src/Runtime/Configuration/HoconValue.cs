namespace RelayActors.Runtime.Configuration;

/// <summary>A node of the parsed configuration tree.</summary>
internal abstract class HoconValue
{
    protected HoconValue(HoconOrigin origin)
    {
        Origin = origin;
    }

    public HoconOrigin Origin { get; }
}
