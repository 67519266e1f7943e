using RelayActors.Actors.Baselines;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;

namespace RelayActors.Actors.Tests.Baselines;

public sealed class AllReduceNodeTests
{
    [Fact]
    public void Accept_InAnyOrder_GivesTheSameModel()
    {
        var inOrder = Worker0();
        var reversed = Worker0();

        inOrder.Accept(0, 0, [0.2], 1);
        inOrder.Accept(0, 1, [0.1], 1);
        inOrder.CompleteRound(0);
        reversed.Accept(0, 1, [0.1], 1);
        reversed.Accept(0, 0, [0.2], 1);
        reversed.CompleteRound(0);

        Assert.Equal(inOrder.Model[0], reversed.Model[0]);
    }

    [Fact]
    public void CompleteRound_EveryWorker_EndsWithBitIdenticalModel()
    {
        // Values whose sum depends on the order: with its own value first, worker 2 would get (−1e17 + 1e17) + 1 + 3 = 4
        // and worker 3 ((3 + 1e17) + 1) − 1e17 = 0, since 1e17 absorbs small terms.
        double[] halves = [1e17, 1, -1e17, 3];
        var nodes = new AllReduceNode<double>[halves.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new AllReduceNode<double>(i, nodes.Length, LocalStep<double>.Sgd(ScriptedObjective.Impulse(-halves[i]), 1.0), [0.0]);
            nodes[i].BeginStep(0);
        }
        for (var i = 0; i < nodes.Length; i++)
        {
            for (var k = 0; k < nodes.Length - 1; k++)
            {
                var peer = k < i ? k : k + 1;
                nodes[i].Accept(0, k, [halves[peer]], 1);
            }
            nodes[i].CompleteRound(0);
        }

        // In worker order: ((1e17 + 1) − 1e17) + 3 = 3, mean 0.75, on every worker.
        Assert.All(nodes, n => Assert.Equal(0.75, n.Model[0]));
    }

    /// <summary>Worker 0 of three whose half-step model is 0.3 (x⁰ = 0, g = −0.3, η = 1); channels 0 and 1 are workers 1 and 2.</summary>
    private static AllReduceNode<double> Worker0()
    {
        var node = new AllReduceNode<double>(0, 3, LocalStep<double>.Sgd(ScriptedObjective.Impulse(-0.3), 1.0), [0.0]);
        node.BeginStep(0);
        return node;
    }
}
