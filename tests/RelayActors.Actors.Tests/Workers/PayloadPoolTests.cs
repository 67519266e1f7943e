using RelayActors.Actors.Workers;

namespace RelayActors.Actors.Tests.Workers;

public sealed class PayloadPoolTests
{
    [Fact]
    public void Rent_AfterReturnOfSameLength_GivesTheReturnedArray()
    {
        var pool = new PayloadPool<float>();
        var first = pool.Rent(1000);

        pool.Return(first);

        Assert.Same(first, pool.Rent(1000));
        Assert.Equal((1L, 1L), (pool.Allocated, pool.Reused));
    }

    [Fact]
    public void Rent_OtherLength_AllocatesExactlyThatLength()
    {
        var pool = new PayloadPool<float>();
        pool.Return(new float[1000]);

        var array = pool.Rent(999);

        Assert.Equal(999, array.Length);
        Assert.Equal((1L, 0L), (pool.Allocated, pool.Reused));
    }

    [Fact]
    public void Return_BeyondMaxPerLength_KeepsOnlyTheBound()
    {
        var pool = new PayloadPool<float>(maxPerLength: 2);
        pool.Return(new float[8]);
        pool.Return(new float[8]);
        pool.Return(new float[8]);

        pool.Rent(8);
        pool.Rent(8);
        pool.Rent(8);

        Assert.Equal((1L, 2L), (pool.Allocated, pool.Reused));
    }

    [Fact]
    public void Return_SliceOfAnArray_IsNotPooled()
    {
        var pool = new PayloadPool<float>();
        var array = new float[16];

        pool.Return(new ReadOnlyMemory<float>(array, 0, 8));
        pool.Return(new ReadOnlyMemory<float>(array, 8, 8));

        Assert.NotSame(array, pool.Rent(16));
        Assert.Equal(0, pool.Reused);
    }

    [Fact]
    public void Rent_ZeroLength_IsEmptyAndNotCounted()
    {
        var pool = new PayloadPool<double>();

        Assert.Empty(pool.Rent(0));
        Assert.Equal(0, pool.Allocated);
    }

    [Fact]
    public void Constructor_NonPositiveBound_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PayloadPool<float>(0));
}
