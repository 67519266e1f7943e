using System.Globalization;
using System.Text;

namespace RelayActors.Benchmarks;

/// <summary>A Markdown table with a title, printed when the scenario finishes.</summary>
internal sealed class MarkdownTable(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>A line printed under the table.</summary>
    public void Note(string note) => _notes.Add(note);

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"Table '{title}' has {headers.Length} columns; got a row of {cells.Length}");
        _rows.Add(cells);
    }

    public void Print(TextWriter output)
    {
        var text = new StringBuilder();
        text.Append("\n### ").Append(title).Append("\n\n");
        text.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        text.Append('|').AppendJoin("|", headers.Select(_ => "---")).Append("|\n");
        foreach (var row in _rows)
            text.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        foreach (var note in _notes)
            text.Append('\n').Append(note).Append('\n');
        output.Write(text.ToString());
        output.Flush();
    }

    /// <summary>"10.52 (9.80–11.03)" in millions per second.</summary>
    public static string Millions(Summary s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Median / 1e6:F2} ({s.Min / 1e6:F2}–{s.Max / 1e6:F2})");

    /// <summary>Median with range, two decimals, in the summary's own unit.</summary>
    public static string Plain(Summary s, string format = "F2") =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Median.ToString(format, CultureInfo.InvariantCulture)} ({s.Min.ToString(format, CultureInfo.InvariantCulture)}–{s.Max.ToString(format, CultureInfo.InvariantCulture)})");

    /// <summary>Ratio of medians as a percentage, e.g. "63 %".</summary>
    public static string Percent(Summary value, Summary limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * value.Median / limit.Median:F0} %");

    /// <summary>A summary of ratios as percentages: "48 % (41–55)".</summary>
    public static string PercentRange(Summary ratio) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * ratio.Median:F0} % ({100 * ratio.Min:F0}–{100 * ratio.Max:F0})");

    public static string Number(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
}
