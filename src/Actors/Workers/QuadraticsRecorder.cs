using RelayActors.Actors.Relay;
using RelayActors.Models.Numerics;
using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Workers;

/// <summary>
/// Turns the workers' per-step models into the quadratics metrics: once every worker has reported step t it computes
/// x̄, f(x̄) − f* and the consensus distance, and notes when the target is first reached. Finished after the last step,
/// at the target (when asked to stop there) or on divergence (a non-finite error, or one 10⁸ times the starting error).
/// Runs on the monitor's turn; holds only the steps still in flight. Reports come per node step; with H local steps
/// node step t ends gradient step (t + 1)·H − 1, and every step the result names is a gradient step.
/// </summary>
internal sealed class QuadraticsRecorder : IStepRecorder<double>
{
    private const double DivergenceFactor = 1e8;

    private readonly RandomQuadratics _problem;
    private readonly Algorithm _algorithm;
    private readonly double _learningRate;
    private readonly long _steps;
    private readonly int _localSteps;
    private readonly double _target;
    private readonly bool _stopAtTarget;
    private readonly bool _keepTrace;
    private readonly double _divergenceLimit;
    private readonly Action<QuadraticsStep>? _onStep;
    private readonly Dictionary<long, StepReports> _inFlight = [];
    private readonly List<QuadraticsStep> _trace = [];
    private readonly long[] _sent;
    private readonly long[] _bytes;
    private readonly double[] _mean;
    private QuadraticsStep _last = new(-1, double.NaN, double.NaN);
    private long _lastNodeStep = -1;
    private long? _stepsToTarget;
    private bool _diverged;

    /// <summary>A recorder for <paramref name="steps"/> node steps (communication rounds) of <paramref name="localSteps"/> = H gradient steps each.</summary>
    public QuadraticsRecorder(RandomQuadratics problem, Algorithm algorithm, double learningRate, long steps, double target, bool stopAtTarget, bool keepTrace, ReadOnlySpan<double> initial, Action<QuadraticsStep>? onStep = null, int localSteps = 1)
    {
        _onStep = onStep;
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(localSteps);
        _localSteps = localSteps;
        _problem = problem;
        _algorithm = algorithm;
        _learningRate = learningRate;
        _steps = steps;
        _target = target;
        _stopAtTarget = stopAtTarget;
        _keepTrace = keepTrace;
        _divergenceLimit = DivergenceFactor * Math.Max(problem.Suboptimality(initial), 1.0);
        _sent = new long[problem.Workers];
        _bytes = new long[problem.Workers];
        _mean = new double[problem.Dimension];
    }

    public bool IsFinished => _lastNodeStep == _steps - 1 || _diverged || (_stopAtTarget && _stepsToTarget is not null);

    public void Record(StepCompleted<double> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var n = _problem.Workers;
        if ((uint)report.Worker >= (uint)n || report.Step < 0 || report.Step >= _steps || report.Step <= _lastNodeStep)
            throw new ArgumentOutOfRangeException(nameof(report), report, $"Report of worker {report.Worker} for step {report.Step}; expected workers 0..{n - 1} and steps {_lastNodeStep + 1}..{_steps - 1}");
        if (report.Model.Length != _problem.Dimension)
            throw new ArgumentException($"Worker {report.Worker} reported a model of length {report.Model.Length}; the problem has dimension {_problem.Dimension}", nameof(report));
        if (!_inFlight.TryGetValue(report.Step, out var reports))
        {
            reports = new StepReports(new ReadOnlyMemory<double>[n]);
            _inFlight.Add(report.Step, reports);
        }
        if (!reports.Models[report.Worker].IsEmpty)
            throw new InvalidOperationException($"Worker {report.Worker} reported step {report.Step} twice");
        reports.Models[report.Worker] = report.Model;
        _sent[report.Worker] = report.Counters.MessagesSent;
        _bytes[report.Worker] = report.Counters.BytesSent;
        if (++reports.Count == n)
            CompleteStep(report.Step, reports.Models);
    }

    /// <summary>The result of the run, which took <paramref name="elapsed"/> on its clock.</summary>
    public QuadraticsResult ToResult(TimeSpan elapsed)
    {
        if (_lastNodeStep < 0)
            throw new InvalidOperationException("No step has been completed by every worker yet");
        return new QuadraticsResult(_algorithm, _problem.Workers, _learningRate, _last.Step + 1, _last.Error, _last.ConsensusDistance,
            _stepsToTarget, _diverged, _keepTrace ? _trace : [_last], _sent.Sum(), _bytes.Sum(), elapsed);
    }

    private void CompleteStep(long step, ReadOnlyMemory<double>[] models)
    {
        _inFlight.Remove(step);
        var distance = Consensus.MeanAndDistance<double>(models, _mean);
        var error = _problem.Suboptimality(_mean);
        var gradientSteps = (step + 1) * _localSteps;
        _lastNodeStep = step;
        _last = new QuadraticsStep(gradientSteps - 1, error, distance);
        if (_keepTrace)
            _trace.Add(_last);
        if (_stepsToTarget is null && error <= _target)
            _stepsToTarget = gradientSteps;
        if (!double.IsFinite(error) || error > _divergenceLimit)
            _diverged = true;
        _onStep?.Invoke(_last);
    }

    /// <summary>The models reported for one step so far, by worker, and how many.</summary>
    private sealed class StepReports(ReadOnlyMemory<double>[] models)
    {
        public ReadOnlyMemory<double>[] Models { get; } = models;

        public int Count { get; set; }
    }
}
