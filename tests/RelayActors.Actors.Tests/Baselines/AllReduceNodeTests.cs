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

    /// <summary>Worker 0 of three whose half-step model is 0.3 (x⁰ = 0, g = −0.3, η = 1); channels 0 and 1 are workers 1 and 2.</summary>
    private static AllReduceNode<double> Worker0()
    {
        var node = new AllReduceNode<double>(0, 3, LocalStep<double>.Sgd(ScriptedObjective.Impulse(-0.3), 1.0), [0.0]);
        node.BeginStep(0);
        return node;
    }
}
