using RelayActors.Actors.Workers;

namespace RelayActors.Actors.Training;

/// <summary>
/// The monitor's side of one training segment (steps <c>first</c> … <c>end</c> − 1): tells the progress callback
/// when every worker has finished a step, keeps each worker's last counters, and is finished when all workers
/// have finished the segment's last step. Models are not copied; the run reads the nodes once the segment is over.
/// </summary>
internal sealed class SegmentRecorder : IStepRecorder<float>
{
    private readonly long _first;
    private readonly int[] _finishedWorkers;
    private readonly WorkerCounters[] _counters;
    private readonly Action<long>? _onStep;
    private readonly int _reporters;
    private long _nextExpected;

    /// <summary>A recorder for <paramref name="workers"/> workers of which <paramref name="reporters"/> (all by default) report here: the others run in other systems.</summary>
    public SegmentRecorder(int workers, long first, long end, Action<long>? onStep, int? reporters = null)
    {
        _reporters = reporters ?? workers;
        _first = first;
        _nextExpected = first;
        _finishedWorkers = new int[checked((int)(end - first))];
        _counters = new WorkerCounters[workers];
        _onStep = onStep;
    }

    /// <summary>Each worker's counters at its last report (since the segment's links were opened).</summary>
    public ReadOnlySpan<WorkerCounters> Counters => _counters;

    public bool IsFinished => _nextExpected == _first + _finishedWorkers.Length;

    public void Record(StepCompleted<float> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var offset = report.Step - _first;
        if ((uint)report.Worker >= (uint)_counters.Length || offset < 0 || offset >= _finishedWorkers.Length)
            throw new InvalidOperationException($"Report of worker {report.Worker} for step {report.Step} is outside this segment (workers 0..{_counters.Length - 1}, steps {_first}..{_first + _finishedWorkers.Length - 1})");
        _counters[report.Worker] = report.Counters;
        if (++_finishedWorkers[offset] > _reporters)
            throw new InvalidOperationException($"Step {report.Step} was reported more than once by some worker");
        // Workers may finish steps out of order relative to each other; report steps in order once all are in.
        // (The increment stays outside the call: `_onStep?.Invoke(_nextExpected++)` skips it when there is no callback.)
        while (!IsFinished && _finishedWorkers[_nextExpected - _first] == _reporters)
        {
            var step = _nextExpected++;
            _onStep?.Invoke(step);
        }
    }
}
