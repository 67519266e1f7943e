using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>
/// F7 through the worker actors with one-hot values e_i (length n): a payload is then the indicator of the workers
/// folded into it, so an echo shows as the recipient's own coordinate and a worker counted twice as an entry 2.
/// </summary>
public sealed class NoEchoOnActorsTests
{
    private const int Workers = 16;
    private static readonly Graph Tree = Topologies.BinaryTree(Workers);
    private static readonly int Steps = Tree.Diameter + 2;
    private static readonly NetworkSettings Jittery = new()
    {
        Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)) with { Jitter = TimeSpan.FromMilliseconds(2) },
    };

    [Fact]
    public void PeerMessage_OnBinaryTree_NeverContainsRecipientAndIsIndicatorOfCountWorkers()
    {
        var nodes = Run();

        foreach (var receiver in nodes)
        {
            Assert.Equal(Steps * Tree.Degree(receiver.Worker), receiver.Messages.Count);
            foreach (var message in receiver.Messages)
            {
                var what = $"step {message.Step}, {message.From.Peer} -> {receiver.Worker}";
                Assert.True(message.Payload[receiver.Worker] == 0, $"{what} echoes the recipient's own value");
                Assert.All(message.Payload, x => Assert.True(x is 0 or 1, $"{what} holds {x}"));
                Assert.Equal(message.Count, (int)message.Payload.Sum());
                Assert.InRange(message.Count, 1, Workers - 1);
            }
        }
    }

    [Fact]
    public void Estimate_OnBinaryTree_HoldsEveryHeardWorkerExactlyOnce()
    {
        // S_i is a 0/1 vector with C_i ones, own included, so S_i / C_i has entries 0 or exactly 1/C_i.
        var nodes = Run();

        foreach (var node in nodes)
        {
            Assert.Equal(Steps, node.Rounds.Count);
            foreach (var (step, model, count) in node.Rounds)
            {
                Assert.All(model, x => Assert.True(x == 0 || x == 1.0 / count, $"worker {node.Worker}, step {step}: entry {x} with count {count}"));
                Assert.Equal(count, model.Count(x => x != 0));
                Assert.NotEqual(0, model[node.Worker]);
            }
            Assert.Equal(Workers, node.Rounds[^1].Count);
        }
    }

    private static RecordingNode[] Run()
    {
        var oneHot = Enumerable.Range(0, Workers).Select(i => Enumerable.Range(0, Workers).Select(k => k == i ? 1.0 : 0.0).ToArray()).ToArray();
        var nodes = RelaySumNodes.Create([Tree], oneHot).Select(n => new RecordingNode(n)).ToArray();
        ModelRecorder.FromActors(nodes, Steps, Jittery, seed: 5);
        return nodes;
    }
}
