using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Ingest.Sources;

/// <summary>Monitoring stations' monthly reports (月报), keyed by station, month, category and hazard.</summary>
public sealed class StationReportSchema(ReferenceData reference) : SourceSchema
{
    /// <summary>The five kinds of station of regulation 003 Art. 11, with the names senders use for them.</summary>
    private static readonly Dictionary<string, string> StationKinds = new(StringComparer.Ordinal)
    {
        ["企业"] = "企业", ["重点企业"] = "企业", ["生产企业"] = "企业",
        ["检验机构"] = "检验机构", ["检测机构"] = "检验机构", ["检验检测机构"] = "检验机构", ["检测中心"] = "检验机构",
        ["医疗机构"] = "医疗机构", ["医院"] = "医疗机构",
        ["12315"] = "12315", ["12315指挥中心"] = "12315", ["投诉举报中心"] = "12315",
        ["行业协会"] = "行业协会", ["协会"] = "行业协会",
    };

    public override IngestSource Source => IngestSource.StationReports;

    public override string FactTable => "fact_station_report";

    public override string StagingColumns => """
        station_id VARCHAR, station_name VARCHAR, station_kind VARCHAR, region_code VARCHAR, month DATE, category_code VARCHAR,
        hazard_code VARCHAR, cases INTEGER, injuries INTEGER, deaths INTEGER, description VARCHAR, major BOOLEAN
        """;

    public override string KeyExpression => "station_id || '|' || CAST(month AS VARCHAR) || '|' || category_code || '|' || hazard_code";

    public override (string Columns, string Select) FactMapping => (
        "station_id, batch_id, source_line, station_name, station_kind, region_code, month, category_code, hazard_code, cases, "
        + "injuries, deaths, description, major",
        "station_id, $1, source_line, station_name, station_kind, region_code, month, category_code, hazard_code, cases, injuries, "
        + "deaths, description, major");

    public override bool TryStage(FieldReader fields, DuckDbChunkAppender target, long batchId, long line)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(target);
        var id = fields.Text("station_id", required: true);
        var kindText = fields.Text("station_kind", required: true);
        string? kind = null;
        if (kindText is not null && !StationKinds.TryGetValue(kindText, out kind))
        {
            fields.Reject("station_kind", kindText, "不是企业、检验机构、医疗机构、12315 或行业协会");
        }

        var region = fields.Region("region", required: true);
        var month = fields.Month("month", required: true);
        var category = fields.Category("category", required: true);
        var hazardText = fields.Text("hazard");
        var hazard = hazardText is null ? null : reference.FindHazard(hazardText) ?? FindHazardByKeyword(hazardText);
        if (hazardText is not null && hazard is null)
        {
            fields.Reject("hazard", hazardText, "不在危害目录中");
        }

        var cases = fields.Count("cases");
        var injuries = fields.Count("injuries");
        var deaths = fields.Count("deaths");
        var major = fields.YesNo("major");
        if (fields.Problems.Count > 0)
        {
            return false;
        }

        target.Append(id).Append(fields.Text("station_name")).Append(kind).Append(region!.Code).Append(month!.Value).Append(category!.Code)
            .Append(hazard?.Code ?? string.Empty).Append(cases ?? 0).Append(injuries ?? 0).Append(deaths ?? 0)
            .Append(fields.Text("description")).Append(major ?? false).Append(line);
        return true;
    }

    private Hazard? FindHazardByKeyword(string text) =>
        reference.Hazards.FirstOrDefault(h => h.Keywords.Any(k => text.Contains(k, StringComparison.Ordinal)) || text.Contains(h.Name, StringComparison.Ordinal));

    public override bool UsesKeptRows => true;

    public override void AfterMerge(DuckDbConnection connection, long batchId, bool replace)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute("""
            INSERT INTO dim_station
            SELECT station_id, any_value(station_name), any_value(station_kind), any_value(region_code), min(month), max(month)
            FROM stage_kept GROUP BY station_id
            ON CONFLICT (station_id) DO UPDATE SET
                name = coalesce(excluded.name, dim_station.name),
                kind = excluded.kind,
                region_code = excluded.region_code,
                first_month = least(dim_station.first_month, excluded.first_month),
                last_month = greatest(dim_station.last_month, excluded.last_month)
            """);
    }
}
