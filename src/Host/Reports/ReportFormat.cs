namespace RelayActors.Host.Reports;

/// <summary>How a run is printed; names in <see cref="ReportFormatNames"/>.</summary>
internal enum ReportFormat
{
    /// <summary>A console table plus a summary line.</summary>
    Table,

    /// <summary>One JSON object per line per round (JSON Lines).</summary>
    Json,

    /// <summary>One CSV row per worker per round, with a header.</summary>
    Csv,
}
