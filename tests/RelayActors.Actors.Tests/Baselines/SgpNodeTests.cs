using RelayActors.Actors.Baselines;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;
using RelayActors.Tests.Shared;

namespace RelayActors.Actors.Tests.Baselines;

/// <summary>SGP on the time-varying exponential graph (spec §2, <c>time_varying_sgp</c>): two rounds per step, x ← (x + x_recv)/2.</summary>
public sealed class SgpNodeTests
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(0, 1, 2)]
    [InlineData(1, 0, 4)]
    [InlineData(1, 1, 1)]   // round 3: 3 mod D = 0 with D = 3 for 8 workers
    [InlineData(2, 0, 2)]
    public void SendsAndReceives_EightWorkers_FollowTheShiftOfRound2StepPlusJ(long step, int round, int shift)
    {
        var nodes = Nodes(8, _ => 0.0);

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal([new Channel((i + shift) % 8, 0)], nodes[i].Sends(step, round).ToArray());
            Assert.Equal([new Channel((i - shift + 8) % 8, 0)], nodes[i].Receives(step, round).ToArray());
        }
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 1)]
    [InlineData(8, 2)]
    [InlineData(16, 2)]
    public void Run_PowerOfTwoWorkersStaticValues_EveryWorkerHoldsTheExactMeanAfterDRounds(int n, int steps)
    {
        // D = log2 n rounds, i.e. ⌈D/2⌉ steps; the values are integers, so every halving is exact.
        var nodes = Nodes(n, i => (i * i * 7) % 11);
        var mean = Enumerable.Range(0, n).Sum(i => (double)((i * i * 7) % 11)) / n;

        Lockstep.Run(nodes, steps);

        Assert.All(nodes, node => Assert.Equal(mean, node.Model[0]));
    }

    [Fact]
    public void Run_OneStepOnThreeWorkers_GivesHandComputedModels()
    {
        // D = 2. Local step: x½ = [3, 0, 6]. Round 0 (shift 1, from i − 1): [(3 + 6)/2, (0 + 3)/2, (6 + 0)/2] = [4.5, 1.5, 3].
        // Round 1 (shift 2, from i − 2 = i + 1): [(4.5 + 1.5)/2, (1.5 + 3)/2, (3 + 4.5)/2] = [3, 2.25, 3.75].
        var models = Trajectory.Run(Impulses([3, 0, 6]), 1);

        Assert.Equal([3, 2.25, 3.75], models[0]);
    }

    [Fact]
    public void Run_DroppedMessage_KeepsTheModelWithoutRenormalising()
    {
        // 2 → 0 is used only in round 0: worker 0 keeps 3, then round 1 gives [(3 + 1.5)/2, (1.5 + 3)/2, (3 + 3)/2].
        var models = Trajectory.Run(Impulses([3, 0, 6]), 1, (_, from, to) => from == 2 && to == 0);

        Assert.Equal([2.25, 2.25, 3], models[0]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    public void Round_EveryRoundOfThreeSteps_MixesWithADoublyStochasticMatrix(int n)
    {
        for (var step = 0; step < 3; step++)
        {
            for (var round = 0; round < 2; round++)
            {
                // Worker i starts the round holding e_i, so afterwards it holds row i of the round's matrix. The other
                // round of the step delivers nothing, which keeps every model.
                var nodes = UnitVectorNodes(n);
                foreach (var node in nodes)
                    node.BeginStep(step);
                for (var r = 0; r < 2; r++)
                    RunRound(nodes, step, r, deliver: r == round);

                for (var i = 0; i < n; i++)
                {
                    Assert.Equal(1.0, nodes[i].Model.ToArray().Sum());
                    Assert.Equal(1.0, nodes.Sum(node => node.Model[i]));
                    Assert.All(nodes[i].Model.ToArray(), w => Assert.True(w is 0 or 0.5, $"step {step} round {round}: weight {w}"));
                }
            }
        }
    }

    [Fact]
    public void Unsupported_OneWorker_ExplainsThatSgpNeedsAPeer()
    {
        Assert.Equal("sgp needs at least 2 workers: the exponential graph has no peer for one", AlgorithmNodes.Unsupported(Algorithm.Sgp, RelayTopology.Of(Topologies.Chain(1))));
    }

    [Fact]
    public void Step_AfterWarmUp_AllocatesNothing()
    {
        var node = new SgpNode<double>(new ExponentialSchedule(4), 1, LocalStep<double>.Sgd(new SeparableQuadratic([1, 2, 3]), 0.1), new double[3]);
        var payload = new double[3];
        RunOwnRounds(node, 0, payload);

        var step = 1;
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            for (var end = step + 20; step < end; step++)
                RunOwnRounds(node, step, payload);
        }));
    }

    /// <summary>One step of one node that receives its own messages back (enough to exercise every call).</summary>
    private static void RunOwnRounds(SgpNode<double> node, long step, double[] payload)
    {
        node.BeginStep(step);
        for (var round = 0; round < node.RoundsPerStep; round++)
        {
            _ = node.Sends(step, round);
            _ = node.Receives(step, round);
            node.Compose(round, 0, payload);
            node.Accept(round, 0, payload, 1);
            node.CompleteRound(round);
        }
    }

    private static IWorkerNode<double>[] Nodes(int n, Func<int, double> initial)
    {
        var schedule = new ExponentialSchedule(n);
        return Enumerable.Range(0, n)
            .Select(i => (IWorkerNode<double>)new SgpNode<double>(schedule, i, LocalStep<double>.Sgd(ScriptedObjective.Impulse(0), 1.0), [initial(i)]))
            .ToArray();
    }

    /// <summary>Every worker starts at 0 and steps once by −g_i = <paramref name="halves"/>[i] (η = 1).</summary>
    private static IWorkerNode<double>[] Impulses(double[] halves) =>
        Trajectory.Nodes(Algorithm.Sgp, RelayTopology.Of(Topologies.Ring(halves.Length)), i => ScriptedObjective.Impulse(-halves[i]), 1.0);

    private static IWorkerNode<double>[] UnitVectorNodes(int n)
    {
        var schedule = new ExponentialSchedule(n);
        return Enumerable.Range(0, n)
            .Select(i =>
            {
                var unit = new double[n];
                unit[i] = 1;
                return (IWorkerNode<double>)new SgpNode<double>(schedule, i, LocalStep<double>.Sgd(new Flat(n), 1.0), unit);
            })
            .ToArray();
    }

    private static void RunRound(IWorkerNode<double>[] nodes, long step, int round, bool deliver)
    {
        var payloads = nodes.Select(node => new double[node.Dimension]).ToArray();
        for (var i = 0; i < nodes.Length; i++)
            nodes[i].Compose(round, 0, payloads[i]);
        foreach (var node in nodes)
        {
            var from = node.Receives(step, round)[0].Peer;
            if (deliver)
                node.Accept(round, 0, payloads[from], 1);
            else
                node.Drop(round, 0);
            node.CompleteRound(round);
        }
    }

    /// <summary>A zero gradient, so the local step keeps the model.</summary>
    private sealed class Flat(int dimension) : Models.Tasks.ILocalObjective<double>
    {
        public int Dimension => dimension;

        public void Gradient(long step, ReadOnlySpan<double> parameters, Span<double> gradient) => gradient.Clear();
    }
}
