using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>F4: RelaySGD's correction factor κ = 1 + mean_{i,k} max(d_ik − 1, 0) and the impulse limit 1/κ.</summary>
public sealed class CorrectionFactorTests
{
    public static TheoryData<TopologyKind, int, double> SpecKappas => new()
    {
        { TopologyKind.Chain, 5, 1.8 },
        { TopologyKind.Chain, 16, 5.375 },
        { TopologyKind.Chain, 32, 10.6875 },
        { TopologyKind.BinaryTree, 16, 3.3203 },
        { TopologyKind.Star, 16, 1.8203 },
    };

    [Theory]
    [MemberData(nameof(SpecKappas))]
    public void Kappa_FromHopDistances_EqualsSpecValue(TopologyKind kind, int n, double kappa)
    {
        Assert.Equal(kappa, Kappa(Topologies.Create(kind, n)), 1e-4);
    }

    [Theory]
    [MemberData(nameof(SpecKappas))]
    public void RelaySgd_OneTimeImpulse_ConvergesToOneOverKappa(TopologyKind kind, int n, double kappa)
    {
        // x⁰ = 0, η = 1, g = −1 at step 0 only: the conserved quantity Q = n at step 0 and Q = nκ·x^∞ in the limit.
        var graph = Topologies.Create(kind, n);

        var models = Trajectory.Run(Algorithm.RelaySgd, graph, _ => ScriptedObjective.Impulse(-1), 1.0, 1500);

        Assert.Equal(Kappa(graph), kappa, 1e-4);
        Trajectory.AssertClose(Enumerable.Repeat(1 / Kappa(graph), n).ToArray(), models[^1], 1e-4);
    }

    private static double Kappa(Graph graph)
    {
        var n = graph.NodeCount;
        var delays = 0L;
        for (var i = 0; i < n; i++)
            foreach (var d in graph.HopDistances(i))
                delays += Math.Max(d - 1, 0);
        return 1 + ((double)delays / n / n);
    }
}
