using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Support;

/// <summary>Runs one-dimensional examples on <see cref="Lockstep"/> and returns every worker's model after every step.</summary>
internal static class Trajectory
{
    public static IWorkerNode<double>[] Nodes(Algorithm algorithm, RelayTopology topology, Func<int, ScriptedObjective> objective, double learningRate, RelayFill fill = RelayFill.InitialModel) =>
        AlgorithmNodes.Create(algorithm, topology, i => LocalStep<double>.Sgd(objective(i), learningRate), [0.0], fill);

    /// <summary>models[t][i] = worker i's model after step t.</summary>
    public static double[][] Run(IWorkerNode<double>[] nodes, int steps, Lockstep.DropDecision? isDropped = null)
    {
        var models = new List<double[]>();
        Lockstep.Run(nodes, steps, _ => models.Add(nodes.Select(n => n.Model[0]).ToArray()), isDropped);
        return [.. models];
    }

    public static double[][] Run(Algorithm algorithm, Graph graph, Func<int, ScriptedObjective> objective, double learningRate, int steps) =>
        Run(Nodes(algorithm, RelayTopology.Of(graph), objective, learningRate), steps);

    public static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"worker {i}: expected {expected[i]}, got {actual[i]} (all: [{string.Join(", ", actual)}])");
    }
}
