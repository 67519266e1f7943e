using RelayActors.Runtime.Cluster;

namespace RelayActors.Runtime.Tests.Cluster;

public sealed class PhiAccrualFailureDetectorTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static PhiAccrualFailureDetector Detector(TimeSpan pause) =>
        new(threshold: 8.0, maxSampleSize: 1000, minStdDeviation: TimeSpan.FromMilliseconds(100), acceptableHeartbeatPause: pause, firstHeartbeatEstimate: Second);

    [Theory]
    [InlineData(0, 7.963311608865193e-06)]
    [InlineData(500, 0.009998761629963108)]
    [InlineData(1000, 0.3010299956639812)]
    [InlineData(1250, 0.7995083208395598)]
    [InlineData(1500, 1.6428278854871123)]
    [InlineData(2000, 4.736694582705181)]
    public void Phi_AfterFirstHeartbeat_UsesTheBootstrapHistory(int elapsedMs, double expected)
    {
        // Bootstrap samples 750 and 1250 ms: mean 1000, σ 250; no pause.
        var fd = Detector(TimeSpan.Zero);
        fd.Heartbeat(TimeSpan.FromSeconds(10));

        Assert.Equal(1000, fd.MeanMs, 9);
        Assert.Equal(250, fd.StdDeviationMs, 9);
        Assert.Equal(expected, fd.Phi(TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(elapsedMs)), 9);
    }

    [Theory]
    [InlineData(4000, 0.3010299956639812)]
    [InlineData(4500, 7.299947394460206)]
    [InlineData(4600, 10.782600858295707)]
    public void Phi_RegularHeartbeats_UseMinStdDeviationAndTheAcceptablePause(int elapsedMs, double expected)
    {
        var fd = Detector(TimeSpan.FromSeconds(3));
        // Many exact 1 s intervals drown the bootstrap samples: mean → 1000 ms, σ → below the 100 ms floor.
        for (var i = 0; i <= 100_000; i++)
            fd.Heartbeat(TimeSpan.FromSeconds(i));
        var last = TimeSpan.FromSeconds(100_000);

        Assert.Equal(1000, fd.MeanMs, 6);
        Assert.True(fd.StdDeviationMs < 100);
        Assert.Equal(expected, fd.Phi(last + TimeSpan.FromMilliseconds(elapsedMs)), 4);
    }

    [Fact]
    public void Phi_GrowsMonotonicallyWithSilence_AndCrossesTheDefaultThresholdAt4522ms()
    {
        var fd = Detector(TimeSpan.FromSeconds(3));
        for (var i = 0; i <= 100_000; i++)
            fd.Heartbeat(TimeSpan.FromSeconds(i));
        var last = TimeSpan.FromSeconds(100_000);

        var previous = -1.0;
        for (var ms = 0; ms <= 6000; ms += 50)
        {
            var phi = fd.Phi(last + TimeSpan.FromMilliseconds(ms));
            Assert.True(phi >= previous, $"phi fell from {previous} to {phi} at {ms} ms");
            previous = phi;
        }
        Assert.True(fd.IsAvailable(last + TimeSpan.FromMilliseconds(4520)));
        Assert.False(fd.IsAvailable(last + TimeSpan.FromMilliseconds(4525)));
    }

    [Fact]
    public void BeforeAnyHeartbeat_PhiIsZeroAndTheMemberIsAvailable()
    {
        var fd = Detector(TimeSpan.FromSeconds(3));

        Assert.False(fd.IsMonitoring);
        Assert.Equal(0.0, fd.Phi(TimeSpan.FromHours(1)));
        Assert.True(fd.IsAvailable(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Heartbeat_AfterAFailure_IsNotRecordedAsAnInterval()
    {
        var fd = Detector(TimeSpan.Zero);
        fd.Heartbeat(TimeSpan.Zero);
        Assert.False(fd.IsAvailable(TimeSpan.FromSeconds(60)));

        fd.Heartbeat(TimeSpan.FromSeconds(60));

        Assert.Equal(1000, fd.MeanMs, 9);
        Assert.True(fd.IsAvailable(TimeSpan.FromSeconds(60.5)));
    }

    [Fact]
    public void MaxSampleSize_KeepsOnlyTheLatestIntervals()
    {
        var fd = new PhiAccrualFailureDetector(8.0, maxSampleSize: 3, TimeSpan.FromMilliseconds(100), TimeSpan.Zero, Second);
        fd.Heartbeat(TimeSpan.Zero);
        fd.Heartbeat(TimeSpan.FromMilliseconds(1200));
        fd.Heartbeat(TimeSpan.FromMilliseconds(2400));
        fd.Heartbeat(TimeSpan.FromMilliseconds(3600));

        Assert.Equal(1200, fd.MeanMs, 9);
        Assert.Equal(0, fd.StdDeviationMs, 6);
    }
}
