using Microsoft.Extensions.Logging;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Training;

/// <summary>Runs each segment in a fresh actor system in this process, on the virtual or the real clock.</summary>
public sealed class LocalSegments(ClockKind clock, ILoggerFactory? loggerFactory = null) : ISegmentExecutor
{
    public IReadOnlyList<WorkerCounters> Run(TrainingRun run, long firstNodeStep, long endNodeStep, Action<long>? onNodeStep)
    {
        ArgumentNullException.ThrowIfNull(run);
        var workers = run.WorkerRunFor(firstNodeStep, endNodeStep);
        var recorder = new SegmentRecorder(run.Workers, firstNodeStep, endNodeStep, onNodeStep);
        workers.Execute(recorder, _ => true, clock, TimeSpan.FromDays(1), loggerFactory, "training");
        return recorder.Counters.ToArray();
    }
}
