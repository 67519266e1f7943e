using System.Numerics;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>
/// Receives every worker's reports (off the critical path: workers never wait for it) and feeds them to the
/// recorder. When the recorder is finished it completes <paramref name="completion"/> with
/// <paramref name="toResult"/>(time since <paramref name="startedAt"/> on the system clock); if the recorder throws,
/// it fails the completion and the monitor.
/// </summary>
internal sealed class StepMonitor<T, TResult>(
    IStepRecorder<T> recorder,
    Func<TimeSpan, TResult> toResult,
    TimeSpan startedAt,
    TaskCompletionSource<TResult> completion) : Actor<IWorkerReport>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override void Receive(IWorkerReport message)
    {
        switch (message)
        {
            case StepCompleted<T> report:
                OnStepCompleted(report);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnStepCompleted(StepCompleted<T> report)
    {
        if (completion.Task.IsCompleted)
            return;
        try
        {
            recorder.Record(report);
            if (recorder.IsFinished)
                completion.TrySetResult(toResult(Context.Scheduler.Now - startedAt));
        }
        catch (Exception e)
        {
            completion.TrySetException(e);
            throw;
        }
    }
}
