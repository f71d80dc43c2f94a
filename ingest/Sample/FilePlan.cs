using System.Text;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Ingest.Sample;

/// <summary>The three monthly inputs, in the order their files are planned.</summary>
internal enum SourceKind
{
    Complaints,
    SpotChecks,
    StationReports,
}

/// <summary>One file to write: where, in which format and encoding, in whose layout and date style.</summary>
internal sealed record FilePlan(
    SourceKind Source, SourceSchema Schema, int MonthIndex, DateOnly Month, string Path, Encoding? CsvEncoding,
    SenderLayout Layout, DateStyle DateStyle, MonthStyle MonthStyle)
{
    public bool IsXlsx => Path.EndsWith(".xlsx", StringComparison.Ordinal);

    public string EncodingName => IsXlsx ? "xlsx" : CsvEncoding is null ? "utf-8-bom" : "gb18030";

    /// <summary>
    /// Formats alternate month by month (each source starting on a different foot, so both formats appear from two months on),
    /// some CSVs are GB18030 like the bureau's own exports, and layouts and date styles rotate on different cycles.
    /// </summary>
    public static FilePlan For(SourceKind source, int monthIndex, DateOnly month, string directory)
    {
        var s = (int)source;
        var (schema, layouts) = source switch
        {
            SourceKind.Complaints => (ComplaintColumn.Schema, SenderLayouts.Complaints),
            SourceKind.SpotChecks => (SpotCheckColumn.Schema, SenderLayouts.SpotChecks),
            _ => (StationColumn.Schema, SenderLayouts.StationReports),
        };
        var xlsx = (monthIndex + s) % 2 == 1;
        var csvOrdinal = monthIndex / 2;
        var gb18030 = !xlsx && source switch
        {
            SourceKind.Complaints => csvOrdinal % 2 == 0,
            SourceKind.SpotChecks => csvOrdinal % 2 == 1,
            _ => csvOrdinal % 3 == 1,
        };
        // Half-step rotation: even and odd months each run through every layout.
        var layout = layouts[((monthIndex / 2) + (monthIndex % 2 * 2) + s) % layouts.Count];
        var name = FormattableString.Invariant($"{schema.Name}-{month:yyyy-MM}.{(xlsx ? "xlsx" : "csv")}");
        return new FilePlan(source, schema, monthIndex, month, System.IO.Path.Combine(directory, name),
            gb18030 ? TabularWriters.Gb18030 : null, layout, (DateStyle)((monthIndex + s) % 5), (MonthStyle)((monthIndex + s) % 4));
    }
}
