using RelayActors.Actors.Relay;
using RelayActors.Actors.Workers;

namespace RelayActors.Actors.Tests.Workers;

public sealed class ConsensusRecorderTests
{
    private static readonly double[] Mean = [1.0];

    [Fact]
    public void Record_AllWorkersAllRounds_CompletesWithRoundsInOrder()
    {
        var recorder = new ConsensusRecorder(ConsensusAlgorithm.RelaySum, 2, 2, Mean);
        recorder.Record(Report(worker: 1, round: 1, estimate: 1f, sent: 4));
        recorder.Record(Report(worker: 0, round: 0, estimate: 2f, sent: 1));
        recorder.Record(Report(worker: 1, round: 0, estimate: 0f, sent: 2));
        Assert.False(recorder.IsFinished);
        recorder.Record(Report(worker: 0, round: 1, estimate: 1f, sent: 2));

        var result = recorder.ToResult(TimeSpan.FromMilliseconds(2));

        Assert.True(recorder.IsFinished);
        Assert.Equal([0, 1], result.Rounds.Select(r => r.Round));
        Assert.Equal([2f, 0f], result.Rounds[0].Estimates.Select(e => e[0]));
        Assert.Equal(1.0, result.Rounds[0].MaxAbsError);
        Assert.Equal(0.0, result.Rounds[1].MaxAbsError);
        Assert.Equal(6, result.MessagesSent); // latest running totals: 2 + 4
        Assert.Equal(TimeSpan.FromMilliseconds(2), result.Elapsed);
    }

    [Fact]
    public void Record_SameWorkerAndRoundTwice_Throws()
    {
        var recorder = new ConsensusRecorder(ConsensusAlgorithm.Gossip, 2, 1, Mean);
        recorder.Record(Report(0, 0, 1f, 1));
        Assert.Throws<InvalidOperationException>(() => recorder.Record(Report(0, 0, 1f, 1)));
    }

    [Fact]
    public void Record_UnknownRound_Throws()
    {
        var recorder = new ConsensusRecorder(ConsensusAlgorithm.Gossip, 2, 1, Mean);
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Record(Report(0, 1, 1f, 1)));
    }

    [Fact]
    public void ToResult_BeforeComplete_Throws()
    {
        var recorder = new ConsensusRecorder(ConsensusAlgorithm.Gossip, 2, 1, Mean);
        recorder.Record(Report(0, 0, 1f, 1));
        Assert.Throws<InvalidOperationException>(() => recorder.ToResult(TimeSpan.Zero));
    }

    private static StepCompleted<float> Report(int worker, int round, float estimate, long sent) =>
        new(worker, round, 1, new[] { estimate }, new WorkerCounters(sent, 0, 0, 0, 0));
}
