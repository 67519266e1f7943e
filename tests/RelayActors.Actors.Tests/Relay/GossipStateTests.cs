using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Tests.Shared;

namespace RelayActors.Actors.Tests.Relay;

public sealed class GossipStateTests
{
    [Fact]
    public void Mix_ChainEnd_KeepsTwoThirdsAndTakesOneThirdOfNeighbour()
    {
        var gossip = new GossipState<float>(Topologies.Chain(5), 0, 1);
        gossip.Accept(1, [3f]);
        var destination = new float[1];
        gossip.Mix([6f], destination);
        Assert.Equal(5f, destination[0], 1e-6f);
    }

    [Fact]
    public void Mix_InPlace_MatchesSeparateDestination()
    {
        var gossip = new GossipState<float>(Topologies.BinaryTree(16), 1, 3);
        gossip.Accept(0, [1f, 2f, 3f]);
        gossip.Accept(2, [4f, 5f, 6f]);
        gossip.Accept(3, [7f, 8f, 9f]);
        float[] state = [0.5f, -1f, 2f];
        var separate = new float[3];
        gossip.Mix(state, separate);
        gossip.Accept(0, [1f, 2f, 3f]);
        gossip.Accept(2, [4f, 5f, 6f]);
        gossip.Accept(3, [7f, 8f, 9f]);
        gossip.Mix(state, state);
        Assert.Equal(separate, state);
    }

    [Fact]
    public void Weights_Ring_AreMetropolisHastingsThirds()
    {
        var gossip = new GossipState<float>(Topologies.Ring(8), 0, 1);
        Assert.Equal(1f / 3f, gossip.SelfWeight, 1e-7f);
        Assert.Equal(1f / 3f, gossip.WeightAt(0));
        Assert.Equal(1f / 3f, gossip.WeightAt(1));
    }

    [Fact]
    public void Accept_NonNeighbour_Throws()
    {
        var gossip = new GossipState<float>(Topologies.Ring(8), 0, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => gossip.Accept(4, [1f]));
    }

    [Fact]
    public void Step_WarmedUp_AllocatesNothing()
    {
        var gossip = new GossipState<float>(Topologies.Ring(8), 3, 500);
        var state = new float[500];
        var incoming = new float[500];
        gossip.Accept(2, incoming);
        gossip.Mix(state, state);

        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                gossip.Accept(2, incoming);
                gossip.Accept(4, incoming);
                gossip.Mix(state, state);
            }
        }));
    }

    [Fact]
    public void Mix_DroppedNeighbour_RenormalisesOverDeliveredWeight()
    {
        // Ring: W = 1/3 each. Neighbour 7 dropped: (x_0/3 + x_1/3) / (2/3).
        var gossip = new GossipState<double>(Topologies.Ring(8), 0, 1);
        gossip.Accept(1, [4.0]);
        gossip.Drop(7);
        var destination = new double[1];

        gossip.Mix([1.0], destination);

        Assert.Equal(2.5, destination[0], 12);
    }

    [Fact]
    public void Mix_NeighbourNotHeardThisRound_CountsAsDropped()
    {
        var gossip = new GossipState<double>(Topologies.Chain(3), 1, 1);
        gossip.Accept(0, [3.0]);
        gossip.Accept(2, [6.0]);
        var destination = new double[1];
        gossip.Mix([0.0], destination);

        gossip.Accept(0, [3.0]);
        gossip.Mix([0.0], destination);

        Assert.Equal(1.5, destination[0], 12);
    }
}
