using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;
using RelayActors.Models.Optim;

namespace RelayActors.Actors.Tests.Relay;

/// <summary>
/// Local steps (communicate every H gradient steps): node step t is gradient steps tH … tH + H − 1, each with its own
/// gradient and the schedule's rate of that gradient step.
/// </summary>
public sealed class LocalStepTests
{
    /// <summary>Warm-up over 3 gradient steps to 0.3: rates 0, 0.1, 0.2, then 0.3.</summary>
    private static readonly LearningRateSchedule WarmUp = new(0.3, stepsPerEpoch: 3, warmupEpochs: 1);

    [Fact]
    public void Apply_ThreeLocalSteps_TakesTheGradientStepsOfTheNodeStepWithTheirRates()
    {
        // f = (x − 1)²/2 from 0: rate 0 keeps 0; rate 0.1 gives 0.1; rate 0.2 gives 0.1 − 0.2·(0.1 − 1) = 0.28.
        var local = new LocalStep<double>(ScriptedObjective.Quadratic(1), new SgdOptimizer<double>(1, 0, false, 0), WarmUp, localSteps: 3);
        double[] x = [0];

        local.Apply(0, x);
        Assert.Equal(0.28, x[0], 1e-15);

        // Node step 1 is gradient steps 3, 4, 5 at 0.3: 1 − (1 − 0.28)·0.7³.
        local.Apply(1, x);
        Assert.Equal(1 - (0.72 * 0.343), x[0], 1e-15);
    }

    [Fact]
    public void ComputeUpdate_ThreeLocalSteps_IsTheDisplacementOfApply()
    {
        LocalStep<double> Local() => new(ScriptedObjective.Quadratic(1), new SgdOptimizer<double>(1, 0.9, true, 0), WarmUp, localSteps: 3);
        var applied = Local();
        var computed = Local();
        double[] x = [0.5];
        double[] u = [0];

        computed.ComputeUpdate(0, [0.5], u);
        applied.Apply(0, x);

        Assert.Equal(x[0] - 0.5, u[0]);
    }

    [Fact]
    public void RateOfStep_ThreeLocalSteps_SumsTheRatesOfTheGradientSteps()
    {
        var local = LocalStep<double>.Sgd(ScriptedObjective.Quadratic(1), 1.0, localSteps: 3);
        var warm = new LocalStep<double>(ScriptedObjective.Quadratic(1), new SgdOptimizer<double>(1, 0, false, 0), WarmUp, localSteps: 3);

        Assert.Equal(3.0, local.RateOfStep(5));
        Assert.Equal(0.3, warm.RateOfStep(0), 1e-15);
        Assert.Equal(0.9, warm.RateOfStep(1), 1e-15);
    }

    [Fact]
    public void Constructor_ZeroLocalSteps_Throws()
    {
        Assert.Equal("localSteps", Assert.Throws<ArgumentOutOfRangeException>(() => LocalStep<double>.Sgd(ScriptedObjective.Quadratic(1), 0.1, localSteps: 0)).ParamName);
    }

    [Fact]
    public void Run_DsgdOnChainOfTwoWithThreeLocalSteps_GivesHandComputedModels()
    {
        // f_i = (x − b_i)²/2, b = [0, 6], η = 0.5, W = [[½, ½], [½, ½]].
        // Step 0: worker 0 stays 0; worker 1: 3, 4.5, 5.25; mix: 2.625 for both.
        // Step 1: worker 0: 1.3125, 0.65625, 0.328125; worker 1: 4.3125, 5.15625, 5.578125; mix: 2.953125.
        var nodes = AlgorithmNodes.Create(Algorithm.Gossip, RelayTopology.Of(Topologies.Chain(2)),
            i => LocalStep<double>.Sgd(ScriptedObjective.Quadratic(i * 6), 0.5, localSteps: 3), [0.0]);

        var models = Trajectory.Run(nodes, 2);

        Assert.Equal([2.625, 2.625], models[0]);
        Assert.Equal([2.953125, 2.953125], models[1]);
    }
}
