using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Reports;

/// <summary>The names of <see cref="ReportFormat"/>: the one place where a string becomes a format.</summary>
internal static class ReportFormatNames
{
    private static readonly EnumNames<ReportFormat> Names = new(
        ("table", ReportFormat.Table),
        ("json", ReportFormat.Json),
        ("csv", ReportFormat.Csv));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out ReportFormat format) => Names.TryParse(name, out format);
}
