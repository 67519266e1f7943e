namespace RelayActors.Runtime.Cluster;

/// <summary>
/// Phi accrual failure detector (Hayashibara et al. 2004, as in Akka): phi = −log10(1 − F(elapsed)) where F is the
/// normal CDF, approximated by a logistic function, over the recent heartbeat inter-arrival times with the mean
/// extended by the acceptable pause and the deviation bounded below. Pure: the caller passes the time in.
/// </summary>
public sealed class PhiAccrualFailureDetector
{
    private readonly double _threshold;
    private readonly double _acceptablePauseMs;
    private readonly double _minStdDeviationMs;
    private readonly double _firstHeartbeatEstimateMs;
    private readonly int _maxSampleSize;
    private readonly Queue<double> _intervals = new();
    private double _intervalSum;
    private double _squaredIntervalSum;
    private TimeSpan? _lastHeartbeat;

    public PhiAccrualFailureDetector(double threshold, int maxSampleSize, TimeSpan minStdDeviation, TimeSpan acceptableHeartbeatPause, TimeSpan firstHeartbeatEstimate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSampleSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minStdDeviation, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(acceptableHeartbeatPause, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstHeartbeatEstimate, TimeSpan.Zero);
        _threshold = threshold;
        _maxSampleSize = maxSampleSize;
        _minStdDeviationMs = minStdDeviation.TotalMilliseconds;
        _acceptablePauseMs = acceptableHeartbeatPause.TotalMilliseconds;
        _firstHeartbeatEstimateMs = firstHeartbeatEstimate.TotalMilliseconds;
    }

    /// <summary>A detector with the failure-detector settings of <paramref name="settings"/>; the first estimate is the heartbeat interval.</summary>
    public static PhiAccrualFailureDetector FromSettings(ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.FailureDetectorThreshold, settings.MaxSampleSize, settings.MinStdDeviation, settings.AcceptableHeartbeatPause, settings.HeartbeatInterval);
    }

    /// <summary>True once a heartbeat has been recorded.</summary>
    public bool IsMonitoring => _lastHeartbeat.HasValue;

    /// <summary>Mean of the recorded inter-arrival intervals, in milliseconds.</summary>
    public double MeanMs => _intervals.Count == 0 ? 0 : _intervalSum / _intervals.Count;

    /// <summary>Standard deviation of the recorded intervals, in milliseconds (before the lower bound).</summary>
    public double StdDeviationMs => _intervals.Count == 0 ? 0 : Math.Sqrt(Math.Max(0, (_squaredIntervalSum / _intervals.Count) - (MeanMs * MeanMs)));

    /// <summary>Records a heartbeat that arrived at <paramref name="now"/>.</summary>
    public void Heartbeat(TimeSpan now)
    {
        if (_lastHeartbeat is not { } last)
        {
            // Bootstrap as Akka does: two samples around the expected interval (σ = estimate / 4), so that phi has
            // meaning before a second heartbeat arrives and a member that never answers still becomes unreachable.
            var sigma = _firstHeartbeatEstimateMs / 4;
            Record(_firstHeartbeatEstimateMs - sigma);
            Record(_firstHeartbeatEstimateMs + sigma);
        }
        else if (IsAvailable(now))
        {
            // The first heartbeat after a failure is not an interval sample: it would skew the statistics.
            Record((now - last).TotalMilliseconds);
        }
        _lastHeartbeat = now;
    }

    /// <summary>Suspicion level at <paramref name="now"/>; 0 before the first heartbeat.</summary>
    public double Phi(TimeSpan now)
    {
        if (_lastHeartbeat is not { } last)
            return 0.0;
        var elapsed = (now - last).TotalMilliseconds;
        var mean = MeanMs + _acceptablePauseMs;
        var std = Math.Max(StdDeviationMs, _minStdDeviationMs);
        return Phi(elapsed, mean, std);
    }

    /// <summary>True while phi is below the threshold (always before the first heartbeat).</summary>
    public bool IsAvailable(TimeSpan now) => Phi(now) < _threshold;

    /// <summary>Akka's logistic approximation of −log10(1 − Φ((elapsed − mean) / std)).</summary>
    public static double Phi(double elapsedMs, double meanMs, double stdDeviationMs)
    {
        var y = (elapsedMs - meanMs) / stdDeviationMs;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return elapsedMs > meanMs ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }

    private void Record(double intervalMs)
    {
        if (_intervals.Count >= _maxSampleSize)
        {
            var dropped = _intervals.Dequeue();
            _intervalSum -= dropped;
            _squaredIntervalSum -= dropped * dropped;
        }
        _intervals.Enqueue(intervalMs);
        _intervalSum += intervalMs;
        _squaredIntervalSum += intervalMs * intervalMs;
    }
}
