using System.Text.Json;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Reports.Exports;

namespace RiskMonitor.App.Dashboard;

public static partial class DashboardQueries
{
    private static readonly (string Key, string Label)[] FactorNames =
        [("Harm", "危害程度"), ("Urgency", "紧急程度"), ("Scope", "影响范围"), ("Frequency", "发生频率"), ("Duration", "持续时间")];

    private static readonly Dictionary<string, string> InputNames = new(StringComparer.Ordinal)
    {
        ["Signal"] = "本月危害信号", ["Baseline"] = "基线", ["Ratio"] = "为基线的倍数", ["PreviousSignal"] = "上月危害信号",
        ["Deaths"] = "报告死亡", ["Injuries"] = "报告受伤", ["MajorReports"] = "重大风险报告", ["SafetyFailures"] = "抽查安全项目不合格",
        ["RegionsAffected"] = "涉及地区数", ["ElevatedMonths"] = "连续升高月数", ["CategorySeverity"] = "品类典型危害严重度",
    };

    /// <summary>Assessments matching the filter; without a level, those at any warning level (level 0 lists the rest).</summary>
    public static TableData Risks(DuckDbConnection connection, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = connection.Query(
            """
            SELECT a.assessment_id, a.month, coalesce(a.override_level, a.level) AS lvl, coalesce(c.name, a.category_code),
                   coalesce(r.name, '全省'), a.score, a.rule_level, a.model_level, a.explanation
            FROM risk_assessments a LEFT JOIN dim_category c ON c.code = a.category_code
            LEFT JOIN dim_region r ON r.code = a.region_code AND a.region_code <> ''
            WHERE ($1::DATE IS NULL OR a.month = $1)
              AND (($2::INTEGER IS NULL AND coalesce(a.override_level, a.level) > 0) OR coalesce(a.override_level, a.level) = $2)
              AND ($3::VARCHAR IS NULL OR a.region_code = $3) AND ($4::VARCHAR IS NULL OR a.category_code = $4)
              -- A producer filter keeps the subjects whose complaints or failed samples that month name a matching producer.
              AND ($6::VARCHAR IS NULL OR EXISTS (
                    SELECT 1 FROM fact_complaint f WHERE f.month = a.month AND f.category_code = a.category_code
                      AND (a.region_code = '' OR f.region_code = a.region_code) AND contains(f.producer, $6))
                  OR EXISTS (
                    SELECT 1 FROM fact_spot_check s WHERE s.month = a.month AND s.category_code = a.category_code AND NOT s.passed
                      AND (a.region_code = '' OR s.region_code = a.region_code) AND contains(s.producer, $6)))
            ORDER BY a.month DESC, lvl DESC, a.score DESC, a.assessment_id
            LIMIT $5
            """,
            r => new object?[]
            {
                r.GetInt64(0), r.GetDate(1), r.GetInt32(2), ((WarningLevel)r.GetInt32(2)).ChineseLabel(), r.GetString(3), r.GetString(4),
                Math.Round(r.GetDouble(5), 2), r.GetInt32(6), r.GetInt64OrNull(7), r.GetString(8),
            },
            filter.Month, (int?)filter.Level, filter.Region, filter.Category, DashboardFilter.MaxRows, filter.Producer);
        return TableData.Of("risks",
            [("id", "编号"), ("month", "月份"), ("level", "级别代码"), ("levelLabel", "预警级别"), ("category", "产品类别"), ("region", "地区"),
             ("score", "综合评分"), ("ruleLevel", "规则级别"), ("modelLevel", "模型级别"), ("explanation", "评估依据")],
            rows);
    }

    /// <summary>One assessment with what lies behind it: factor scores, model contributions, the subject's series and its complaints.</summary>
    public static object? RiskDetail(DuckDbConnection connection, long id, ReferenceData reference)
    {
        var a = connection.Query(
            """
            SELECT a.month, a.subject_kind, a.category_code, coalesce(c.name, a.category_code), a.region_code, coalesce(r.name, '全省'),
                   coalesce(a.override_level, a.level), a.rule_level, a.model_level, a.model_probability, a.score, a.factors,
                   a.contributions, a.explanation, a.override_reason
            FROM risk_assessments a LEFT JOIN dim_category c ON c.code = a.category_code
            LEFT JOIN dim_region r ON r.code = a.region_code AND a.region_code <> ''
            WHERE a.assessment_id = $1
            """,
            r => (Month: r.GetDate(0), Kind: r.GetString(1), CategoryCode: r.GetString(2), Category: r.GetString(3), RegionCode: r.GetString(4),
                Region: r.GetString(5), Level: r.GetInt32(6), RuleLevel: r.GetInt32(7), ModelLevel: r.GetInt64OrNull(8), Probability: r.GetDoubleOrNull(9),
                Score: r.GetDouble(10), Factors: r.GetStringOrNull(11), Contributions: r.GetStringOrNull(12), Explanation: r.GetString(13),
                Override: r.GetStringOrNull(14)),
            id).SingleOrDefault();
        ArgumentNullException.ThrowIfNull(reference);
        if (a.Explanation is null)
        {
            return null;
        }

        using var factors = ParseJson(a.Factors);
        var series = connection.Query(
            """
            SELECT month, complaints, hazard_complaints, station_cases, injuries, failures, safety_failures FROM agg_subject_month
            WHERE category_code = $1 AND region_code = $2 AND month > $3 AND month <= $4 ORDER BY month
            """,
            r => (Month: r.GetDate(0), Complaints: r.GetInt64(1), Hazard: r.GetInt64(2), Station: r.GetInt64(3), Injuries: r.GetInt64(4), Failures: r.GetInt64(5), Safety: r.GetInt64(6)),
            a.CategoryCode, a.RegionCode, a.Month.AddMonths(-24), a.Month);
        var history = connection.Query(
            "SELECT month, coalesce(override_level, level), score FROM risk_assessments WHERE subject_kind = $1 AND category_code = $2 AND region_code = $3 AND month <= $4 ORDER BY month",
            r => new { month = r.GetDate(0), level = r.GetInt32(1), score = Math.Round(r.GetDouble(2), 2) }, a.Kind, a.CategoryCode, a.RegionCode, a.Month);
        var complaints = connection.Query(
            """
            SELECT complaint_id, received_at, text, coalesce(hazards, []), injury FROM fact_complaint
            WHERE month = $1 AND category_code = $2 AND ($3 = '' OR region_code = $3)
            ORDER BY len(coalesce(hazards, [])) DESC, received_at DESC LIMIT 20
            """,
            r => new { id = r.GetString(0), receivedAt = r.GetDateTime(1), text = r.GetString(2), hazards = r.GetStringList(3).Select(h => reference.FindHazard(h)?.Name ?? h).ToList(), injury = r.GetBoolean(4) },
            a.Month, a.CategoryCode, a.RegionCode);
        return new
        {
            id,
            month = a.Month,
            subjectKind = a.Kind,
            category = new { code = a.CategoryCode, name = a.Category },
            region = new { code = a.RegionCode, name = a.Region },
            level = a.Level,
            levelLabel = ((WarningLevel)a.Level).ChineseLabel(),
            ruleLevel = a.RuleLevel,
            modelLevel = a.ModelLevel,
            modelProbability = a.Probability,
            score = Math.Round(a.Score, 2),
            explanation = a.Explanation,
            overrideReason = a.Override,
            // Materialised here: the JSON document is disposed before the response is serialised.
            factors = FactorNames.Select(f => new { key = f.Key, label = f.Label, score = Number(factors?.RootElement, f.Key) }).ToList(),
            inputs = factors?.RootElement.TryGetProperty("Inputs", out var inputs) == true && inputs.ValueKind == JsonValueKind.Object
                ? inputs.EnumerateObject().Select(p => new { name = InputNames.GetValueOrDefault(p.Name, p.Name), value = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : (double?)null }).ToList()
                : [],
            contributions = Contributions(a.Contributions),
            series = new
            {
                months = series.Select(s => s.Month),
                complaints = series.Select(s => s.Complaints),
                hazardComplaints = series.Select(s => s.Hazard),
                stationCases = series.Select(s => s.Station),
                injuries = series.Select(s => s.Injuries),
                failures = series.Select(s => s.Failures),
                safetyFailures = series.Select(s => s.Safety),
            },
            history,
            complaints,
        };
    }

    /// <summary>Model contributions stored as an object of numbers or an array of {feature|name, value|contribution}.</summary>
    private static List<object> Contributions(string? json)
    {
        using var document = ParseJson(json);
        var root = document?.RootElement;
        var list = new List<object>();
        if (root is { ValueKind: JsonValueKind.Object } o)
        {
            list.AddRange(o.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .Select(p => new { feature = p.Name, value = p.Value.GetDouble() }));
        }
        else if (root is { ValueKind: JsonValueKind.Array } items)
        {
            foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var name = Text(item, "feature") ?? Text(item, "name");
                var value = Number(item, "value") ?? Number(item, "contribution");
                if (name is not null && value is not null)
                {
                    list.Add(new { feature = name, value });
                }
            }
        }

        return list;
    }

    private static JsonDocument? ParseJson(string? json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // Written by another version of the analytics; the explanation text still stands.
            return null;
        }
    }

    private static double? Number(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
