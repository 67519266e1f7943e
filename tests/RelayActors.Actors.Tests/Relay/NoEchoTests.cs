using System.Numerics;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>
/// F7 with values v_k = 2^k: a sum of distinct workers' values has exactly one bit per worker, so the bits of a
/// payload name the workers in it and a worker counted twice would carry into another bit.
/// </summary>
public sealed class NoEchoTests
{
    [Theory]
    [InlineData(TopologyKind.BinaryTree, 16)]
    [InlineData(TopologyKind.Chain, 12)]
    [InlineData(TopologyKind.Star, 9)]
    public void ComposeOutgoing_EveryRound_NeverContainsRecipientAndCountsEachWorkerOnce(TopologyKind kind, int n)
    {
        var tree = Topologies.Create(kind, n);
        var relays = Enumerable.Range(0, n).Select(i => new RelayState<float>(tree, i, 1)).ToArray();
        var payload = new float[1];
        var sum = new float[1];

        for (var round = 0; round < tree.Diameter + 2; round++)
        {
            var messages = new List<(int From, int To, float Payload, int Count)>();
            for (var i = 0; i < n; i++)
            {
                foreach (var j in relays[i].Neighbours)
                {
                    var count = relays[i].ComposeOutgoing(j, [Value(i)], payload);
                    var bits = (uint)payload[0];
                    Assert.Equal(0u, bits & (1u << j));
                    Assert.Equal(count, BitOperations.PopCount(bits));
                    messages.Add((i, j, payload[0], count));
                }
            }
            foreach (var (from, to, value, count) in messages)
                relays[to].Accept(from, [value], count);
            for (var i = 0; i < n; i++)
            {
                var count = relays[i].Aggregate([Value(i)], sum);
                Assert.Equal(count, BitOperations.PopCount((uint)sum[0]));
                Assert.NotEqual(0u, (uint)sum[0] & (1u << i));
            }
        }
    }

    private static float Value(int worker) => 1u << worker;
}
