using System.Globalization;
using System.Xml.Linq;
using RelayActors.Host.Reports;

namespace RelayActors.Host.Tests.Reports;

public sealed class SvgLineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_IsXmlWithOneSeriesPathAndOneLegendEntryPerSeries()
    {
        var chart = new SvgLineChart("Accuracy <α = 0.1>", "steps", "accuracy (%)");
        chart.Add("relaysgd-chain", [(0, 10), (100, 80)]);
        chart.Add("d2-ring & co", [(0, 10), (100, 60)]);

        var svg = XDocument.Parse(chart.Render());

        var series = svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "series").ToList();
        Assert.Equal(["relaysgd-chain", "d2-ring & co"], series.Select(p => (string?)p.Attribute("data-series")));
        Assert.NotEqual((string?)series[0].Attribute("stroke"), (string?)series[1].Attribute("stroke"));
        Assert.Equal(2, svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "legend"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "steps");
    }

    [Fact]
    public void Render_LogY_PlacesADecadeHalfwayBetweenItsNeighbours()
    {
        var chart = new SvgLineChart("error", "steps", "f(x̄) − f*", logY: true);
        chart.Add("a", [(0, 1e-6), (1, 1e-4), (2, 1e-2)]);

        var path = XDocument.Parse(chart.Render()).Descendants(Svg + "path").Single();

        var ys = ((string)path.Attribute("d")!).Split(' ').Select(p => double.Parse(p[1..].Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ys[0] - ys[1], ys[1] - ys[2], 0.02);
    }

    [Fact]
    public void Render_NonPositiveValuesOnLogAxis_AreLeftOut()
    {
        var chart = new SvgLineChart("consensus", "steps", "distance", logY: true);
        chart.Add("a", [(0, 0), (1, 0.5), (2, 0.25)]);

        var d = (string)XDocument.Parse(chart.Render()).Descendants(Svg + "path").Single().Attribute("d")!;

        Assert.Equal(2, d.Split(' ').Length);
        Assert.StartsWith("M", d, StringComparison.Ordinal);
    }
}
