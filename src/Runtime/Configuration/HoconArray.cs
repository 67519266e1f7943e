namespace RelayActors.Runtime.Configuration;

internal sealed class HoconArray : HoconValue
{
    public HoconArray(IReadOnlyList<HoconValue> items, HoconOrigin origin)
        : base(origin)
    {
        Items = items;
    }

    public IReadOnlyList<HoconValue> Items { get; }
}
