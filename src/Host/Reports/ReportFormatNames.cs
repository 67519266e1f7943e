namespace RelayActors.Host.Reports;

/// <summary>The names of <see cref="ReportFormat"/>: the one place where a string becomes a format.</summary>
internal static class ReportFormatNames
{
    public static IReadOnlyList<string> All { get; } = ["table", "json", "csv"];

    public static bool TryParse(string? name, out ReportFormat format)
    {
        switch (name)
        {
            case "table": format = ReportFormat.Table; return true;
            case "json": format = ReportFormat.Json; return true;
            case "csv": format = ReportFormat.Csv; return true;
            default: format = default; return false;
        }
    }
}
