using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace RelayActors.Host.Reports;

/// <summary>
/// A line chart as a standalone SVG document: axes with ticks and labels (linear or log), one polyline per series
/// (<c>&lt;path class="series" data-series="name"&gt;</c>) with point markers, and a legend. Built with
/// <see cref="XElement"/>, so the output is well-formed XML whatever the labels hold.
/// </summary>
internal sealed class SvgLineChart(string title, string xLabel, string yLabel, bool logX = false, bool logY = false)
{
    private const double Width = 720;
    private const double Height = 420;
    private const double Left = 78;
    private const double Right = 220;
    private const double Top = 40;
    private const double Bottom = 56;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Tableau 10: distinguishable, also in grey print; past ten series the dash pattern changes too.</summary>
    private static readonly string[] Colours = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    private const string Grid = "#e5e5e5";

    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3"];

    private readonly List<(string Name, IReadOnlyList<(double X, double Y)> Points)> _series = [];

    public string Title => title;

    public int SeriesCount => _series.Count;

    /// <summary>Adds a series; points that are not finite (or not positive on a log axis) are left out and break the line.</summary>
    public void Add(string name, IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(points);
        _series.Add((name, points));
    }

    public string Render()
    {
        var x = PlotAxis.Fit(_series.SelectMany(s => s.Points).Where(p => Plottable(p.Y, logY)).Select(p => p.X), logX);
        var y = PlotAxis.Fit(_series.SelectMany(s => s.Points).Where(p => Plottable(p.X, logX)).Select(p => p.Y), logY);
        double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;
        double Px(double v) => Left + x.Fraction(v) * PlotWidth;
        double Py(double v) => Top + (1 - y.Fraction(v)) * PlotHeight;

        var root = new XElement(Svg + "svg",
            new XAttribute("width", Width), new XAttribute("height", Height),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", 12),
            new XElement(Svg + "title", title),
            new XElement(Svg + "rect", new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("fill", "white")),
            Text(Left + PlotWidth / 2, 22, title, "middle", ("font-size", "14"), ("font-weight", "bold")));

        var axes = new XElement(Svg + "g", new XAttribute("class", "axes"), new XAttribute("stroke", "#333"));
        foreach (var tick in x.Ticks())
        {
            var px = Px(tick);
            root.Add(Line(px, Top, px, Top + PlotHeight, Grid));
            axes.Add(Line(px, Top + PlotHeight, px, Top + PlotHeight + 5, "#333"));
            root.Add(Text(px, Top + PlotHeight + 19, x.Format(tick), "middle", ("class", "tick-x")));
        }
        foreach (var tick in y.Ticks())
        {
            var py = Py(tick);
            root.Add(Line(Left, py, Left + PlotWidth, py, Grid));
            axes.Add(Line(Left - 5, py, Left, py, "#333"));
            root.Add(Text(Left - 8, py + 4, y.Format(tick), "end", ("class", "tick-y")));
        }
        axes.Add(new XElement(Svg + "rect", new XAttribute("x", F(Left)), new XAttribute("y", F(Top)), new XAttribute("width", F(PlotWidth)), new XAttribute("height", F(PlotHeight)), new XAttribute("fill", "none")));
        root.Add(axes);
        root.Add(Text(Left + PlotWidth / 2, Height - 14, xLabel + (logX ? " (log scale)" : ""), "middle", ("class", "label-x")));
        var yText = Text(18, Top + PlotHeight / 2, yLabel + (logY ? " (log scale)" : ""), "middle", ("class", "label-y"));
        yText.Add(new XAttribute("transform", $"rotate(-90 18 {F(Top + PlotHeight / 2)})"));
        root.Add(yText);

        for (var i = 0; i < _series.Count; i++)
        {
            var (name, points) = _series[i];
            var colour = Colours[i % Colours.Length];
            var dash = Dashes[i / Colours.Length % Dashes.Length];
            var path = new StringBuilder();
            var markers = new XElement(Svg + "g", new XAttribute("class", "markers"), new XAttribute("fill", colour));
            var pen = 'M';
            foreach (var (px, py) in points)
            {
                if (!Plottable(px, logX) || !Plottable(py, logY))
                {
                    pen = 'M';
                    continue;
                }
                path.Append(CultureInfo.InvariantCulture, $"{pen}{F(Px(px))},{F(Py(py))} ");
                pen = 'L';
                markers.Add(new XElement(Svg + "circle", new XAttribute("cx", F(Px(px))), new XAttribute("cy", F(Py(py))), new XAttribute("r", 2.5)));
            }
            var line = new XElement(Svg + "path",
                new XAttribute("class", "series"), new XAttribute("data-series", name),
                new XAttribute("d", path.ToString().TrimEnd()), new XAttribute("fill", "none"),
                new XAttribute("stroke", colour), new XAttribute("stroke-width", 2));
            if (dash.Length > 0)
                line.Add(new XAttribute("stroke-dasharray", dash));
            root.Add(line, markers);
            var ly = Top + 10 + i * 18;
            var legend = new XElement(Svg + "g", new XAttribute("class", "legend"),
                Line(Width - Right + 14, ly, Width - Right + 40, ly, colour, dash, width: 2),
                Text(Width - Right + 46, ly + 4, name, "start"));
            root.Add(legend);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    private static bool Plottable(double value, bool logarithmic) => double.IsFinite(value) && (!logarithmic || value > 0);

    private static XElement Line(double x1, double y1, double x2, double y2, string colour, string dash = "", double width = 1)
    {
        var line = new XElement(Svg + "line",
            new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)),
            new XAttribute("stroke", colour), new XAttribute("stroke-width", width));
        if (dash.Length > 0)
            line.Add(new XAttribute("stroke-dasharray", dash));
        return line;
    }

    private static XElement Text(double x, double y, string text, string anchor, params (string Name, string Value)[] attributes)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("text-anchor", anchor), text);
        foreach (var (name, value) in attributes)
            element.Add(new XAttribute(name, value));
        return element;
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
