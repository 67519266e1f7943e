using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>Total order of addresses (host, port, system, ordinal): "lowest address" for leader election and tie-breaks.</summary>
public sealed class AddressOrder : IComparer<Address>
{
    public static AddressOrder Instance { get; } = new();

    private AddressOrder()
    {
    }

    public int Compare(Address? x, Address? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;
        var c = string.CompareOrdinal(x.Host, y.Host);
        if (c != 0)
            return c;
        c = Nullable.Compare(x.Port, y.Port);
        return c != 0 ? c : string.CompareOrdinal(x.System, y.System);
    }
}
