using System.Globalization;
using System.Net;
using System.Text;

namespace RelayActors.Host.Reports;

/// <summary>One cell of a comparison table: the per-seed values (seeds without a result left out) of how many runs, and a note such as the learning rate.</summary>
internal sealed record CompareTableCell(IReadOnlyList<double> Values, int Runs, string? Note = null, double? NoteValue = null);

/// <summary>
/// The paper-style table of a comparison (Table 2 for training, the scalability numbers for quadratics): a row per
/// algorithm and topology, a column per α or n (and drop probability), each cell the mean ± sample std over seeds.
/// Renders as Markdown, CSV (mean, std and seed count per column) and HTML.
/// </summary>
internal sealed class CompareTable(IReadOnlyList<string> columnLabels, IReadOnlyList<string> columnKeys, string footnote, string format, bool showStd, string? noteName = null)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly List<(string Algorithm, string Topology, string? Rate, IReadOnlyList<CompareTableCell> Cells)> _rows = [];

    public string Footnote => footnote;

    /// <summary>Adds a row; <paramref name="learningRate"/> fills a learning-rate column when every row has one.</summary>
    public void AddRow(string algorithm, string topology, string? learningRate, IReadOnlyList<CompareTableCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != columnLabels.Count)
            throw new ArgumentException($"Row {algorithm} {topology} has {cells.Count} cells for {columnLabels.Count} columns", nameof(cells));
        _rows.Add((algorithm, topology, learningRate, cells));
    }

    /// <summary>The text of a cell: <c>87.41 ± 0.21</c>, the mean alone for one seed, <c>–</c> without results; with how many runs counted when some are missing, and the note.</summary>
    public string CellText(CompareTableCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var summary = SeedSummary.Of(cell.Values);
        var text = summary.Count == 0 ? "–" : summary.Mean.ToString(format, Invariant);
        if (showStd && summary.Count > 1)
            text += " ± " + summary.Std.ToString(format, Invariant);
        List<string> notes = [];
        if (summary.Count < cell.Runs)
            notes.Add($"{summary.Count}/{cell.Runs}");
        if (cell.Note is not null)
            notes.Add(cell.Note);
        return notes.Count == 0 ? text : $"{text} ({string.Join(", ", notes)})";
    }

    private bool HasRates => _rows.Count > 0 && _rows.All(r => r.Rate is not null);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var rate = HasRates ? " learning rate |" : "";
        text.AppendLine($"| algorithm | topology |{rate} {string.Join(" | ", columnLabels)} |");
        text.AppendLine($"|---|---|{(HasRates ? "---:|" : "")}{string.Concat(columnLabels.Select(_ => "---:|"))}");
        foreach (var (algorithm, topology, r, cells) in _rows)
            text.AppendLine($"| {algorithm} | {topology} |{(HasRates ? $" {r} |" : "")} {string.Join(" | ", cells.Select(CellText))} |");
        text.AppendLine();
        text.AppendLine(footnote);
        return text.ToString();
    }

    /// <summary>Per column: <c>&lt;key&gt; mean</c>, <c>std</c> (empty for one seed), <c>seeds</c> (runs with a result) and the note's value when there is one.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder("algorithm,topology");
        if (HasRates)
            text.Append(",learning_rate");
        foreach (var key in columnKeys)
        {
            text.Append(Invariant, $",{key} mean,{key} std,{key} seeds");
            if (noteName is not null)
                text.Append(Invariant, $",{key} {noteName}");
        }
        text.Append('\n');
        foreach (var (algorithm, topology, rate, cells) in _rows)
        {
            text.Append(Invariant, $"{algorithm},{topology}");
            if (HasRates)
                text.Append(Invariant, $",{rate}");
            foreach (var cell in cells)
            {
                var s = SeedSummary.Of(cell.Values);
                text.Append(Invariant, $",{Number(s.Mean)},{Number(s.Std)},{s.Count}");
                if (noteName is not null)
                    text.Append(Invariant, $",{(cell.NoteValue is { } v ? Number(v) : "")}");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public string ToHtml()
    {
        var html = new StringBuilder("<table>\n<thead><tr><th>algorithm</th><th>topology</th>");
        if (HasRates)
            html.Append("<th>learning rate</th>");
        foreach (var label in columnLabels)
            html.Append(Invariant, $"<th>{WebUtility.HtmlEncode(label)}</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var (algorithm, topology, rate, cells) in _rows)
        {
            html.Append(Invariant, $"<tr><td>{WebUtility.HtmlEncode(algorithm)}</td><td>{WebUtility.HtmlEncode(topology)}</td>");
            if (HasRates)
                html.Append(Invariant, $"<td class=\"number\">{WebUtility.HtmlEncode(rate)}</td>");
            foreach (var cell in cells)
                html.Append(Invariant, $"<td class=\"number\">{WebUtility.HtmlEncode(CellText(cell))}</td>");
            html.Append("</tr>\n");
        }
        html.Append(Invariant, $"</tbody>\n</table>\n<p class=\"note\">{WebUtility.HtmlEncode(footnote)}</p>\n");
        return html.ToString();
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", Invariant) : "";
}
