using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>
/// Receives every worker's per-round reports (off the rounds' critical path: workers never wait for it) and
/// completes <paramref name="completion"/> once all rounds of all workers are in. Elapsed time is measured on the
/// system's clock from <paramref name="startedAt"/>.
/// </summary>
internal sealed class ConsensusMonitor(ConsensusRecorder recorder, TimeSpan startedAt, TaskCompletionSource<ConsensusResult> completion)
    : Actor<IConsensusReport>
{
    protected override void Receive(IConsensusReport message)
    {
        switch (message)
        {
            case RoundCompleted report:
                OnRoundCompleted(report);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnRoundCompleted(RoundCompleted report)
    {
        recorder.Record(report);
        if (recorder.IsComplete)
            completion.TrySetResult(recorder.ToResult(Context.Scheduler.Now - startedAt));
    }
}
