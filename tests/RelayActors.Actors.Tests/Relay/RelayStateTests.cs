using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Tests.Shared;

namespace RelayActors.Actors.Tests.Relay;

public sealed class RelayStateTests
{
    [Fact]
    public void Constructor_RingGraph_ThrowsSuggestingSpanningTree()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RelayState<float>(Topologies.Ring(5), 0, 1));
        Assert.Contains("needs a tree", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("spanning tree", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeOutgoing_NothingReceivedYet_SendsOwnValueWithCountOne()
    {
        var relay = new RelayState<float>(Topologies.Star(4), 0, 2);
        var destination = new float[2];
        Assert.Equal(1, relay.ComposeOutgoing(3, [1.5f, -2f], destination));
        Assert.Equal([1.5f, -2f], destination);
    }

    [Fact]
    public void ComposeOutgoing_SkipsRecipientsOwnContribution()
    {
        // Hub of a star with leaves 1, 2, 3: the message to leaf 2 holds own + leaves 1 and 3, never leaf 2's message.
        var relay = new RelayState<float>(Topologies.Star(4), 0, 2);
        relay.Accept(1, [10f, 1f], 1);
        relay.Accept(2, [200f, 2f], 1);
        relay.Accept(3, [3000f, 3f], 1);
        var destination = new float[2];

        var count = relay.ComposeOutgoing(2, [0.5f, 0.25f], destination);

        Assert.Equal(3, count);
        Assert.Equal([3010.5f, 4.25f], destination);
    }

    [Fact]
    public void Accept_SameNeighbourTwice_KeepsOnlyLatestMessage()
    {
        var relay = new RelayState<float>(Topologies.Chain(3), 1, 1);
        relay.Accept(0, [4f], 1);
        relay.Accept(0, [7f], 2);
        var sum = new float[1];
        Assert.Equal(3, relay.Aggregate([1f], sum));
        Assert.Equal([8f], sum);
    }

    [Fact]
    public void Aggregate_AllNeighbours_SumsOwnAndEveryMessage()
    {
        var relay = new RelayState<float>(Topologies.Chain(5), 2, 1);
        relay.Accept(1, [3f], 2);
        relay.Accept(3, [5f], 2);
        var sum = new float[1];
        Assert.Equal(5, relay.Aggregate([2f], sum));
        Assert.Equal([10f], sum);
    }

    [Fact]
    public void Average_PartialCounts_IsSumOverCount()
    {
        var relay = new RelayState<float>(Topologies.Chain(5), 0, 1);
        relay.Accept(1, [5f], 2);
        var average = new float[1];
        Assert.Equal(3, relay.Average([0f], average));
        Assert.Equal([5f / 3f], average);
    }

    [Fact]
    public void Accept_NonNeighbour_Throws()
    {
        var relay = new RelayState<float>(Topologies.Chain(5), 0, 1);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => relay.Accept(3, [1f], 1));
        Assert.Contains("not a tree neighbour of worker 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_CountOfWholeNetwork_Throws()
    {
        // A neighbour's message can never include the receiver itself, so its count is at most n − 1.
        var relay = new RelayState<float>(Topologies.Chain(5), 0, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => relay.Accept(1, [1f], 5));
    }

    [Fact]
    public void ComposeOutgoing_WrongLength_Throws()
    {
        var relay = new RelayState<float>(Topologies.Chain(3), 1, 3);
        Assert.Throws<ArgumentException>(() => relay.ComposeOutgoing(0, new float[2], new float[3]));
    }

    [Fact]
    public void Step_WarmedUp_AllocatesNothing()
    {
        const int dimension = 1000;
        var relay = new RelayState<float>(Topologies.BinaryTree(16), 1, dimension);
        var own = new float[dimension];
        var incoming = new float[dimension];
        var outgoing = new float[dimension];
        var estimate = new float[dimension];
        Step(relay, own, incoming, outgoing, estimate);

        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            for (var i = 0; i < 10; i++)
                Step(relay, own, incoming, outgoing, estimate);
        }));
    }

    private static void Step(RelayState<float> relay, float[] own, float[] incoming, float[] outgoing, float[] estimate)
    {
        foreach (var neighbour in relay.Neighbours)
            relay.ComposeOutgoing(neighbour, own, outgoing);
        foreach (var neighbour in relay.Neighbours)
            relay.Accept(neighbour, incoming, 1);
        relay.Average(own, estimate);
    }
}
