using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Analytics.Aggregation;

/// <summary>Writes fact rows straight into a real warehouse, bypassing the ingest, for aggregation tests.</summary>
internal sealed class Facts(DuckDbConnection connection)
{
    private int _serial;

    public Facts Complaint(string month, string category, string region, string? producer = null, string[]? hazards = null,
        bool injury = false, bool death = false, bool online = false)
    {
        var m = DateOnly.Parse(month + "-01", System.Globalization.CultureInfo.InvariantCulture);
        connection.Execute(
            """
            INSERT INTO fact_complaint (complaint_id, batch_id, received_at, month, region_code, category_code, producer, online, text, hazards, injury, death)
            VALUES ($1, 1, $2, $2, $3, $4, $5, $6, '……', $7::VARCHAR[], $8, $9)
            """,
            $"c{++_serial}", m, region, category, producer, online, "[" + string.Join(",", (hazards ?? []).Select(h => $"'{h}'")) + "]", injury, death);
        return this;
    }

    /// <summary>A spot-check sample; <paramref name="failedItems"/> as (item, safety-related) pairs, none for a pass.</summary>
    public Facts Sample(string month, string category, string region, string producer, int day = 10, params (string Item, bool Safety)[] failedItems)
    {
        var sampled = DateOnly.Parse($"{month}-{day:00}", System.Globalization.CultureInfo.InvariantCulture);
        var id = $"s{++_serial}";
        connection.Execute(
            """
            INSERT INTO fact_spot_check (sample_id, batch_id, sampled_at, month, region_code, category_code, producer, passed)
            VALUES ($1, 1, $2, $3, $4, $5, $6, $7)
            """,
            id, sampled, new DateOnly(sampled.Year, sampled.Month, 1), region, category, producer, failedItems.Length == 0);
        foreach (var (item, safety) in failedItems)
        {
            connection.Execute("INSERT INTO fact_spot_check_failed_item VALUES ($1, 1, $2, $3)", id, item, safety);
        }

        return this;
    }

    public Facts Station(string month, string category, string region, string hazard, int cases, int injuries = 0, int deaths = 0, bool major = false)
    {
        var m = DateOnly.Parse(month + "-01", System.Globalization.CultureInfo.InvariantCulture);
        connection.Execute(
            """
            INSERT INTO fact_station_report (station_id, batch_id, station_kind, region_code, month, category_code, hazard_code, cases, injuries, deaths, major)
            VALUES ($1, 1, '医疗机构', $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            $"st{++_serial}", region, m, category, hazard, cases, injuries, deaths, major);
        return this;
    }
}
