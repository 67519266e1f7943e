using System.Globalization;
using System.Net;
using System.Text;

namespace RelayActors.Host.Reports;

/// <summary>
/// <c>index.html</c> of a comparison: the table and every plot in one page that works offline (the SVGs are
/// inlined, each also linked as its file under <c>plots/</c>; no scripts, no fonts from elsewhere).
/// </summary>
internal static class CompareIndexPage
{
    public static string Render(string title, CompareTable table, IReadOnlyList<(string File, string Title, string Svg)> plots)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plots);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>
            body {"{"} font-family: sans-serif; margin: 2em; color: #222; {"}"}
            table {"{"} border-collapse: collapse; margin-bottom: 0.5em; {"}"}
            th, td {"{"} border: 1px solid #ccc; padding: 4px 10px; {"}"}
            td.number {"{"} text-align: right; font-variant-numeric: tabular-nums; {"}"}
            p.note {"{"} color: #555; max-width: 60em; {"}"}
            figure {"{"} display: inline-block; margin: 1em 1em 1em 0; {"}"}
            </style>
            </head>
            <body>
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            <p>The same table as <a href="table.md">table.md</a> and <a href="table.csv">table.csv</a>; every cell's files are in <code>cells/</code>.</p>

            """);
        html.Append(table.ToHtml());
        html.Append("<h2>Plots</h2>\n");
        foreach (var (file, caption, svg) in plots)
        {
            var body = svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{WebUtility.HtmlEncode(file)}\">\n{body}<figcaption>{WebUtility.HtmlEncode(caption)} (<a href=\"plots/{WebUtility.HtmlEncode(file)}\">plots/{WebUtility.HtmlEncode(file)}</a>)</figcaption>\n</figure>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
