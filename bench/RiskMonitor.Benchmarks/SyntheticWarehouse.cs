using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// A warehouse filled directly in DuckDB with <c>range()</c>: complaints spread evenly over the months in arrival order,
/// spot checks and station reports at provincial volumes. Values come from hashes of the row number, so every run writes
/// the same data.
/// </summary>
public static class SyntheticWarehouse
{
    /// <summary>Creates the warehouse at <paramref name="path"/> with <paramref name="complaints"/> complaints over <paramref name="months"/> months from <paramref name="first"/>.</summary>
    public static RiskWarehouse Create(string path, long complaints, int months, DateOnly first)
    {
        var warehouse = RiskWarehouse.Open(path);
        using var connection = warehouse.Connect();
        connection.Execute(
            "INSERT INTO ingest_batches (batch_id, source, file_name, file_sha256, started_at, finished_at, status) VALUES (1, 'complaints', 'synthetic', '-', $1, $1, 'loaded')",
            new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var regions = "['420100','420200','420300','420500','420600','420700','420800','420900','421000','421100','421200','421300','422800','429004','429005','429006','429021']";
        var categories = string.Join(",", warehouse.Reference.Categories.Select(c => $"'{c.Code}'"));
        var hazards = string.Join(",", warehouse.Reference.Categories.Select(c => $"'{c.Hazards[0]}'"));
        connection.Execute(
            $"""
            INSERT INTO fact_complaint (complaint_id, batch_id, received_at, month, region_code, category_code, producer, online, text, hazards, injury, death)
            SELECT 'c' || i, 1, m + to_days((hash(i) % 28)::INTEGER), m, r, c, 'P' || (hash(i * 11) % 2000),
                   hash(i * 5) % 2 = 0, '投诉内容', CASE WHEN hazard THEN [h] ELSE []::VARCHAR[] END, hazard AND hash(i * 13) % 5 = 0, false
            FROM (
                SELECT i, $2::DATE + to_months(CAST(i * $3 // $1 AS INTEGER)) AS m,
                       ({regions})[1 + (hash(i * 3) % 17)::INTEGER] AS r,
                       ([{categories}])[1 + c_index::INTEGER] AS c, ([{hazards}])[1 + c_index::INTEGER] AS h,
                       hash(i * 7) % 100 < 8 AS hazard
                FROM (SELECT i, hash(i * 17) % {warehouse.Reference.Categories.Count} AS c_index FROM range($1) t(i)))
            """,
            complaints, first, months);
        connection.Execute(
            $"""
            INSERT INTO fact_spot_check (sample_id, batch_id, sampled_at, month, region_code, category_code, producer, online, passed)
            SELECT 's' || i, 1, m + to_days((hash(i) % 28)::INTEGER), m, ({regions})[1 + (hash(i * 3) % 17)::INTEGER],
                   ([{categories}])[1 + (hash(i * 17) % {warehouse.Reference.Categories.Count})::INTEGER], 'P' || (hash(i * 11) % 2000), hash(i * 5) % 3 = 0,
                   hash(i * 7) % 100 >= 12
            FROM (SELECT i, $1::DATE + to_months(CAST(i // 400 AS INTEGER)) AS m FROM range($2 * 400) t(i))
            """,
            first, months);
        connection.Execute(
            """
            INSERT INTO fact_spot_check_failed_item
            SELECT sample_id, 1, '安全项目', hash(sample_id) % 3 > 0 FROM fact_spot_check WHERE NOT passed
            """);
        connection.Execute(
            $"""
            INSERT INTO fact_station_report (station_id, batch_id, station_kind, region_code, month, category_code, hazard_code, cases, injuries, deaths, major)
            SELECT 'st' || (i % 150), 1, '医疗机构', ({regions})[1 + (hash(i * 3) % 17)::INTEGER], $1::DATE + to_months(CAST(i // 150 AS INTEGER)),
                   ([{categories}])[1 + (hash(i * 17) % {warehouse.Reference.Categories.Count})::INTEGER], 'fire', (hash(i) % 4)::INTEGER, (hash(i * 5) % 2)::INTEGER, 0, false
            FROM range($2 * 150) t(i)
            """,
            first, months);
        return warehouse;
    }
}
