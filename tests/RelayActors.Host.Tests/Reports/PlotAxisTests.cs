using RelayActors.Host.Reports;

namespace RelayActors.Host.Tests.Reports;

public sealed class PlotAxisTests
{
    [Theory]
    [InlineData(1e-6, 0.0)]
    [InlineData(1e-4, 0.25)]
    [InlineData(1e-2, 0.5)]
    [InlineData(1e2, 1.0)]
    public void Fraction_LogAxis_IsLinearInTheExponent(double value, double expected)
    {
        var axis = new PlotAxis(1e-6, 1e2, logarithmic: true);

        Assert.Equal(expected, axis.Fraction(value), 1e-12);
    }

    [Fact]
    public void Fraction_LinearAxis_IsLinearInTheValue()
    {
        Assert.Equal(0.25, new PlotAxis(0, 200, logarithmic: false).Fraction(50), 1e-12);
    }

    [Fact]
    public void Fit_LogAxis_WidensToWholeDecadesAndSkipsNonPositiveValues()
    {
        var axis = PlotAxis.Fit([0, -3, 3e-7, 45, double.NaN], logarithmic: true);

        Assert.Equal((1e-7, 100.0), (axis.Min, axis.Max));
        // Nine decades: a tick every second one keeps the labels apart.
        Assert.Equal([1e-7, 1e-5, 1e-3, 1e-1, 10], axis.Ticks(), new ToleranceComparer());
        Assert.Equal("1e-7", axis.Format(1e-7));
        Assert.Equal("100", axis.Format(100));
    }

    [Fact]
    public void Format_NegativeZeroTick_PrintsZero()
    {
        var axis = PlotAxis.Fit([0, 32], logarithmic: false);

        Assert.Equal("0", axis.Format(-0.0));
        Assert.All(axis.Ticks(), t => Assert.DoesNotContain("-", axis.Format(t), StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_LinearAxis_UsesNiceTicks()
    {
        var axis = PlotAxis.Fit([3, 97], logarithmic: false);

        Assert.Equal((0.0, 100.0), (axis.Min, axis.Max));
        Assert.Equal([0.0, 20, 40, 60, 80, 100], axis.Ticks());
    }

    [Fact]
    public void Constructor_LogAxisFromZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlotAxis(0, 10, logarithmic: true));
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
