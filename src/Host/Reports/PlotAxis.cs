using System.Globalization;

namespace RelayActors.Host.Reports;

/// <summary>
/// The value range of one plot axis, linear or base-10 logarithmic: maps a value to its fraction of the axis length
/// and chooses the ticks (1, 2 or 5 × 10^k apart on a linear axis; powers of ten on a log axis).
/// </summary>
internal sealed class PlotAxis
{
    public PlotAxis(double min, double max, bool logarithmic)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min >= max)
            throw new ArgumentOutOfRangeException(nameof(max), max, $"An axis needs finite min < max; got [{min}, {max}]");
        if (logarithmic && min <= 0)
            throw new ArgumentOutOfRangeException(nameof(min), min, "A logarithmic axis needs min > 0");
        Min = min;
        Max = max;
        Logarithmic = logarithmic;
    }

    public double Min { get; }

    public double Max { get; }

    public bool Logarithmic { get; }

    /// <summary>An axis that holds every plottable value (positive ones only on a log axis), widened to whole ticks.</summary>
    public static PlotAxis Fit(IEnumerable<double> values, bool logarithmic)
    {
        ArgumentNullException.ThrowIfNull(values);
        var usable = values.Where(v => double.IsFinite(v) && (!logarithmic || v > 0)).ToList();
        if (usable.Count == 0)
            return logarithmic ? new PlotAxis(1, 10, true) : new PlotAxis(0, 1, false);
        double low = usable.Min(), high = usable.Max();
        if (logarithmic)
        {
            var lowPower = Math.Floor(Math.Log10(low));
            var highPower = Math.Max(Math.Ceiling(Math.Log10(high)), lowPower + 1);
            return new PlotAxis(Math.Pow(10, lowPower), Math.Pow(10, highPower), true);
        }
        if (low == high)
            (low, high) = low == 0 ? (-1, 1) : (low - Math.Abs(low) / 10, high + Math.Abs(high) / 10);
        var step = NiceStep(high - low);
        return new PlotAxis(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, false);
    }

    /// <summary>Where <paramref name="value"/> lies: 0 at <see cref="Min"/>, 1 at <see cref="Max"/> (outside for values outside).</summary>
    public double Fraction(double value) => Logarithmic
        ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
        : (value - Min) / (Max - Min);

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var ticks = new List<double>();
        if (Logarithmic)
        {
            var decades = Math.Log10(Max) - Math.Log10(Min);
            var every = Math.Max(1, (int)Math.Ceiling(decades / 8));
            for (var power = Math.Ceiling(Math.Log10(Min) - 1e-9); power <= Math.Log10(Max) + 1e-9; power += every)
                ticks.Add(Math.Pow(10, power));
            return ticks;
        }
        var step = NiceStep(Max - Min);
        for (var k = Math.Ceiling(Min / step - 1e-9); k * step <= Max + step * 1e-9; k++)
            ticks.Add(k * step);
        return ticks;
    }

    /// <summary>A tick label: short decimals, powers of ten as 1e-6 on a log axis.</summary>
    public string Format(double tick)
    {
        if (Logarithmic && (tick < 1e-3 || tick >= 1e5))
            return "1e" + Math.Round(Math.Log10(tick)).ToString(CultureInfo.InvariantCulture);
        if (tick != 0 && (Math.Abs(tick) >= 1e6 || Math.Abs(tick) < 1e-3))
            return tick.ToString("0.##E+0", CultureInfo.InvariantCulture);
        // + 0.0 turns the −0 of a tick computed as −0 × step into 0, which would print as "-0".
        return (Math.Round(tick, 10) + 0.0).ToString("0.####", CultureInfo.InvariantCulture);
    }

    /// <summary>1, 2 or 5 × 10^k, giving four to ten ticks over <paramref name="span"/>.</summary>
    private static double NiceStep(double span)
    {
        var rough = span / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var mantissa = rough / power;
        return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * power;
    }
}
