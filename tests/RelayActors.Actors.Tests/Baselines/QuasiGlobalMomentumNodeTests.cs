using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;
using RelayActors.Models.Optim;

namespace RelayActors.Actors.Tests.Baselines;

/// <summary>
/// Quasi-global momentum against its update equations (spec §2) on f_i(x) = (x − b_i)²/2, b = [0, 3, 6], on a chain
/// of 3 with MH weights (W = [[2/3, 1/3, 0], [1/3, 1/3, 1/3], [0, 1/3, 2/3]]), η = 0.5, μ = 0.5, x⁰ = 0.
/// </summary>
public sealed class QuasiGlobalMomentumNodeTests
{
    private const double Rate = 0.5;
    private const double Mu = 0.5;
    private static readonly double[] Targets = [0, 3, 6];

    [Fact]
    public void Run_TwoStepsOnChainOfThree_GivesHandComputedModels()
    {
        // Step 0 (m = 0): g = [0, −3, −6], x½ = x − η(1 + μ)g = [0, 2.25, 4.5], x¹ = W x½ = [0.75, 2.25, 3.75],
        //   m = (1 − μ)(x⁰ − x¹)/η = [−0.75, −2.25, −3.75].
        // Step 1: g = [0.75, −0.75, −2.25], b = μm + g = [0.375, −1.875, −4.125], x½ = x¹ − η(g + μb)
        //   = [0.28125, 3.09375, 5.90625], x² = W x½ = [1.21875, 3.09375, 4.96875].
        var models = Trajectory.Run(Nodes(Mu), 2);

        Trajectory.AssertClose([0.75, 2.25, 3.75], models[0], 1e-15);
        Trajectory.AssertClose([1.21875, 3.09375, 4.96875], models[1], 1e-15);
    }

    [Fact]
    public void Run_SixSteps_MatchesAnIndependentReferenceOfTheEquations()
    {
        var expected = Reference(6, Mu);

        var actual = Trajectory.Run(Nodes(Mu), 6);

        for (var t = 0; t < expected.Length; t++)
            Trajectory.AssertClose(expected[t], actual[t], 1e-12);
    }

    [Fact]
    public void Run_WithoutMomentum_IsDsgdBitForBit()
    {
        var ring = RelayTopology.Of(Topologies.Ring(5));
        static ScriptedObjective Objective(int i) => ScriptedObjective.Quadratic(i == 4 ? 10 : 0);
        static bool Drops(long step, int from, int to) => (step + from + (2 * to)) % 7 == 0;

        var dsgd = Trajectory.Run(Trajectory.Nodes(Algorithm.Gossip, ring, Objective, Rate), 40, Drops);
        var qgm = Trajectory.Run(Trajectory.Nodes(Algorithm.QuasiGlobalMomentum, ring, Objective, Rate), 40, Drops);

        Assert.Equal(dsgd, qgm);
    }

    [Fact]
    public void Create_WithAdam_ThrowsNamingTheAlgorithmAndOptimizer()
    {
        var adam = new OptimizerSettings(OptimizerKind.Adam).Create<double>(1);

        var error = Assert.Throws<ArgumentException>(() => AlgorithmNodes.Create(Algorithm.QuasiGlobalMomentum, RelayTopology.Of(Topologies.Chain(3)),
            _ => new LocalStep<double>(ScriptedObjective.Quadratic(0), adam, LearningRateSchedule.Constant(Rate)), [0.0]));

        Assert.Equal("quasi-global-momentum runs on SGD only, but worker 0's local optimizer is AdamOptimizer; use optimizer.kind = sgd", error.Message);
    }

    [Fact]
    public void Unsupported_DoubleBinaryTrees_RefusesLikeGossip()
    {
        var reason = AlgorithmNodes.Unsupported(Algorithm.QuasiGlobalMomentum, RelayTopology.Create(TopologyKind.DoubleBinaryTrees, 8));

        Assert.StartsWith("quasi-global-momentum on several trees would need one gossip graph per parameter lane", reason, StringComparison.Ordinal);
    }

    private static IWorkerNode<double>[] Nodes(double mu) =>
        AlgorithmNodes.Create(Algorithm.QuasiGlobalMomentum, RelayTopology.Of(Topologies.Chain(3)),
            i => new LocalStep<double>(ScriptedObjective.Quadratic(Targets[i]), new SgdOptimizer<double>(1, mu, mu > 0, 0), LearningRateSchedule.Constant(Rate)), [0.0]);

    /// <summary>The equations of spec §2 on scalars, with the chain's MH matrix written out.</summary>
    private static double[][] Reference(int steps, double mu)
    {
        double[][] w = [[2.0 / 3, 1.0 / 3, 0], [1.0 / 3, 1.0 / 3, 1.0 / 3], [0, 1.0 / 3, 2.0 / 3]];
        var x = new double[3];
        var m = new double[3];
        var result = new double[steps][];
        for (var t = 0; t < steps; t++)
        {
            var half = new double[3];
            for (var i = 0; i < 3; i++)
            {
                var g = x[i] - Targets[i];
                var b = (mu * m[i]) + g;
                half[i] = x[i] - (Rate * (g + (mu * b)));
            }
            var next = new double[3];
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++)
                    next[i] += w[i][j] * half[j];
            for (var i = 0; i < 3; i++)
                m[i] = (mu * m[i]) + ((1 - mu) * (x[i] - next[i]) / Math.Max(Rate, 1e-8));
            x = next;
            result[t] = [.. x];
        }
        return result;
    }
}
