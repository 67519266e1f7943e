using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>
/// On instant links workers tell each other directly, so a whole run is one cascade of messages; a recorder that
/// finishes early (target reached, divergence) must still end the run there, not after every remaining step.
/// </summary>
public sealed class WorkerRunEarlyStopTests
{
    private const int Workers = 8;
    private const int FinishedAfterSteps = 3;

    [Fact]
    public void Start_RecorderFinishesEarlyOnInstantLinks_WorkersStopWithinTwoStepsOfIt()
    {
        var graph = Topologies.Chain(Workers);
        var nodes = new CountingNode[Workers];
        for (var i = 0; i < Workers; i++)
            nodes[i] = new CountingNode(ConsensusNodes.Create(ConsensusAlgorithm.RelaySum, graph, i, [i]));
        var run = new WorkerRun<float>(nodes, new WorkerOptions { Steps = 1_000 }, NetworkSettings.Default, seed: 0);
        using var system = ActorSystem.Create("early-stop", ActorSystemSettings.VirtualTime);

        var done = run.Start(system, new FinishAfterStep(FinishedAfterSteps - 1), _ => 0);

        // Workers only wait for their neighbours, so some run a step or two ahead of the last one to report.
        Assert.True(system.VirtualClock!.RunUntil(() => done.IsCompleted));
        Assert.All(nodes, node => Assert.InRange(node.StepsBegun, FinishedAfterSteps, FinishedAfterSteps + 2));
    }

    /// <summary>Finished once every worker has reported <paramref name="lastStep"/>.</summary>
    private sealed class FinishAfterStep(long lastStep) : IStepRecorder<float>
    {
        private int _reportsOfLastStep;

        public bool IsFinished => _reportsOfLastStep == Workers;

        public void Record(StepCompleted<float> report)
        {
            if (report.Step == lastStep)
                _reportsOfLastStep++;
        }
    }

    /// <summary>Forwards everything to <paramref name="inner"/> and counts the steps begun.</summary>
    private sealed class CountingNode(IWorkerNode<float> inner) : IWorkerNode<float>
    {
        public int StepsBegun { get; private set; }

        public int Worker => inner.Worker;

        public int Dimension => inner.Dimension;

        public int RoundsPerStep => inner.RoundsPerStep;

        public ReadOnlySpan<float> Model => inner.Model;

        public int Count => inner.Count;

        public ReadOnlySpan<Channel> Sends(long step, int round) => inner.Sends(step, round);

        public ReadOnlySpan<Channel> Receives(long step, int round) => inner.Receives(step, round);

        public int PayloadLength(int lane) => inner.PayloadLength(lane);

        public void BeginStep(long step)
        {
            StepsBegun++;
            inner.BeginStep(step);
        }

        public int Compose(int round, int index, Span<float> payload) => inner.Compose(round, index, payload);

        public void Accept(int round, int index, ReadOnlySpan<float> payload, int count) => inner.Accept(round, index, payload, count);

        public void Drop(int round, int index) => inner.Drop(round, index);

        public void CompleteRound(int round) => inner.CompleteRound(round);

        public void WriteState(BinaryWriter writer) => inner.WriteState(writer);

        public void ReadState(BinaryReader reader) => inner.ReadState(reader);
    }
}
