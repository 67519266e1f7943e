using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>
/// RelayState adds in a fixed order (own, then the slots by ascending neighbour id, then the fill term, then the
/// division), which is what keeps actor runs bit-identical to the lock-step oracle. Values of very different
/// magnitudes make float addition order visible, so these compare against element-wise sums bit for bit.
/// </summary>
public sealed class RelayStateSummationOrderTests
{
    private const int Dimension = 67; // not a multiple of any vector width, so the tail path runs too

    [Fact]
    public void ComposeOutgoing_EachNeighbour_EqualsElementwiseSumInSlotOrder()
    {
        var (relay, own, messages) = DegreeThreeWorker(seed: 1);

        for (var j = 0; j < relay.Neighbours.Length; j++)
        {
            var destination = new float[Dimension];
            relay.ComposeOutgoing(relay.Neighbours[j], own, destination);

            var expected = own.ToArray();
            for (var k = 0; k < messages.Length; k++)
                if (k != j)
                    for (var i = 0; i < Dimension; i++)
                        expected[i] += messages[k][i];
            Assert.Equal(Bits(expected), Bits(destination));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AverageWithFill_MissingWorkers_EqualsElementwiseFormula(bool ownIsDestination)
    {
        var (relay, own, messages) = DegreeThreeWorker(seed: 2, counts: [1, 3, 2]);
        var fill = RandomVector(new Random(3));
        var expected = new float[Dimension];
        var missing = relay.WorkerCount - 7;
        for (var i = 0; i < Dimension; i++)
        {
            var sum = own[i];
            foreach (var message in messages)
                sum += message[i];
            expected[i] = ((fill[i] * missing) + sum) / relay.WorkerCount;
        }

        var destination = ownIsDestination ? own : new float[Dimension];
        Assert.Equal(7, relay.AverageWithFill(own, fill, destination));

        Assert.Equal(Bits(expected), Bits(destination));
    }

    [Fact]
    public void Aggregate_OwnOverlapsDestinationAtAnotherStart_SumsTheOriginalOwn()
    {
        var (relay, own, messages) = DegreeThreeWorker(seed: 4);
        var buffer = new float[Dimension + 1];
        own.CopyTo(buffer, 0);
        var expected = own.ToArray();
        foreach (var message in messages)
            for (var i = 0; i < Dimension; i++)
                expected[i] += message[i];

        relay.Aggregate(buffer.AsSpan(0, Dimension), buffer.AsSpan(1, Dimension));

        Assert.Equal(Bits(expected), Bits(buffer.AsSpan(1)));
    }

    /// <summary>Worker 1 of a 15-worker binary tree (neighbours 0, 2, 3) with one accepted message per neighbour.</summary>
    private static (RelayState<float> Relay, float[] Own, float[][] Messages) DegreeThreeWorker(int seed, int[]? counts = null)
    {
        counts ??= [1, 7, 7];
        var random = new Random(seed);
        var relay = new RelayState<float>(Topologies.BinaryTree(15), 1, Dimension);
        var messages = new float[relay.Neighbours.Length][];
        for (var k = 0; k < messages.Length; k++)
        {
            messages[k] = RandomVector(random);
            relay.Accept(relay.Neighbours[k], messages[k], counts[k]);
        }
        return (relay, RandomVector(random), messages);
    }

    /// <summary>Signed values spanning eight orders of magnitude, so that rounding depends on the order of additions.</summary>
    private static float[] RandomVector(Random random)
    {
        var vector = new float[Dimension];
        for (var i = 0; i < Dimension; i++)
            vector[i] = (float)(((random.NextDouble() * 2) - 1) * Math.Pow(10, random.Next(-4, 5)));
        return vector;
    }

    private static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
            bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }
}
