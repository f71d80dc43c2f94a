namespace RiskMonitor.Ingest.Sample;

/// <summary>A source's canonical columns (as in the header mapping) and which of them dirty rows may spoil.</summary>
/// <param name="Key">The identifying column (complaint_id, sample_id, station_id).</param>
/// <param name="Date">The date (or month) column.</param>
/// <param name="Required">Columns a dirty row may leave empty.</param>
/// <param name="Counts">Numeric columns a dirty row may fill with words; none for sources without counts.</param>
/// <param name="UniqueKey">Whether the key identifies one row (a complaint, a sample) rather than a reporter of many rows (a station).</param>
/// <param name="DateIsMonth">Whether the date column holds a month (2026-03) rather than a day.</param>
internal sealed record SourceSchema(
    string Name, IReadOnlyList<string> Columns, int Key, int Region, int Date, IReadOnlyList<int> Required, IReadOnlyList<int> Counts,
    bool UniqueKey = true, bool DateIsMonth = false);

/// <summary>Canonical column positions of the complaints source.</summary>
internal static class ComplaintColumn
{
    public const int Id = 0, ReceivedAt = 1, Region = 2, Category = 3, Producer = 4, Brand = 5, Model = 6, Channel = 7, Online = 8,
        Text = 9, Name = 10, Phone = 11;

    public static SourceSchema Schema { get; } = new("complaints",
        ["complaint_id", "received_at", "region", "category", "producer", "brand", "model", "channel", "online", "text",
            "complainant_name", "complainant_phone"],
        Id, Region, ReceivedAt, [Region, Text, Category], []);
}

/// <summary>Canonical column positions of the spot-checks source.</summary>
internal static class SpotCheckColumn
{
    public const int SampleId = 0, Task = 1, SampledAt = 2, Region = 3, Category = 4, Product = 5, Producer = 6, ProducerRegion = 7,
        Seller = 8, Online = 9, Platform = 10, Spec = 11, Brand = 12, Batch = 13, Result = 14, FailedItems = 15, Lab = 16, ReportDate = 17;

    public static SourceSchema Schema { get; } = new("spot-checks",
        ["sample_id", "task", "sampled_at", "region", "category", "product", "producer", "producer_region", "seller", "online",
            "platform", "spec", "brand", "batch", "result", "failed_items", "lab", "report_date"],
        SampleId, Region, SampledAt, [Region, Result, Category], []);
}

/// <summary>Canonical column positions of the station-reports source.</summary>
internal static class StationColumn
{
    public const int Id = 0, Name = 1, Kind = 2, Region = 3, Month = 4, Category = 5, Hazard = 6, Cases = 7, Injuries = 8, Deaths = 9,
        Description = 10, Major = 11;

    public static SourceSchema Schema { get; } = new("station-reports",
        ["station_id", "station_name", "station_kind", "region", "month", "category", "hazard", "cases", "injuries", "deaths",
            "description", "major"],
        Id, Region, Month, [Region, Category, Kind], [Cases, Injuries], UniqueKey: false, DateIsMonth: true);
}
