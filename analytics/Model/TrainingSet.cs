using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Core;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Model;

/// <summary>One labelled subject-month: its stored feature vector and the analysts' level.</summary>
public sealed record TrainingRow(DateOnly Month, string CategoryCode, string RegionCode, float[] Features, WarningLevel Level, bool HeldOut);

/// <summary>
/// Labelled rows for the model: every assessed category subject-month between the first and last labelled month, with the
/// feature vector the assessment stored and the label's level (none where no label names it).
/// </summary>
/// <remarks>
/// A province-wide label covers its divisions: their rows that month are left out, since the analysts decided for the
/// province, not for each division. Every fourth labelled month (the 4th, 8th, …) is held out for validation, so that
/// held-out months spread over the whole range and its seasons.
/// </remarks>
public sealed record TrainingSet(IReadOnlyList<TrainingRow> Rows, string DataHash)
{
    public const int HoldOutEvery = 4;

    public IEnumerable<TrainingRow> Training => Rows.Where(r => !r.HeldOut);

    public IEnumerable<TrainingRow> Validation => Rows.Where(r => r.HeldOut);

    public static TrainingSet Load(DuckDbConnection connection, IReadOnlyList<LevelLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw new RiskMonitorException("标签文件没有任何记录");
        }

        var (first, last) = (labels.Min(l => l.Month), labels.Max(l => l.Month));
        var byKey = new Dictionary<(DateOnly, string, string), WarningLevel>();
        foreach (var l in labels)
        {
            byKey[(l.Month, l.CategoryCode, l.RegionCode)] = l.Level;
        }

        var provinceLabels = labels.Where(l => l.RegionCode.Length == 0 && l.Level > WarningLevel.None)
            .Select(l => (l.Month, l.CategoryCode)).ToHashSet();
        var stored = connection.Query(
            """
            SELECT month, category_code, region_code, json_extract(factors, '$.features')
            FROM risk_assessments
            WHERE month BETWEEN $1 AND $2 AND subject_kind IN ('category', 'category_region')
            ORDER BY month, category_code, region_code
            """,
            r => (Month: r.GetDate(0), Category: r.GetString(1), Region: r.GetString(2), Features: r.GetStringOrNull(3)), first, last);
        var months = stored.Select(s => s.Month).Distinct().Order().ToList();
        if (months.Count == 0)
        {
            throw new RiskMonitorException($"{first:yyyy-MM} 至 {last:yyyy-MM} 没有已分析的月份，请先运行 analyze");
        }

        var heldOut = months.Where((_, i) => i % HoldOutEvery == HoldOutEvery - 1).ToHashSet();
        var rows = stored
            .Where(s => s.Features is not null && !(s.Region.Length > 0 && provinceLabels.Contains((s.Month, s.Category))))
            .Select(s => new TrainingRow(s.Month, s.Category, s.Region, ParseFeatures(s.Features!),
                byKey.GetValueOrDefault((s.Month, s.Category, s.Region)), heldOut.Contains(s.Month)))
            .ToList();
        return new TrainingSet(rows, Hash(rows));
    }

    /// <summary>The stored features in <see cref="RiskFeatures.Names"/> order; a feature missing from older assessments is NaN (missing).</summary>
    public static float[] ParseFeatures(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RiskFeatures.Names.Select(name =>
            document.RootElement.TryGetProperty(name, out var value)
                ? value.ValueKind == JsonValueKind.Number ? value.GetSingle() : float.NaN
                : float.NaN).ToArray();
    }

    /// <summary>SHA-256 over the rows' keys, labels and features (as text with fixed formatting): the same data, the same hash.</summary>
    private static string Hash(IEnumerable<TrainingRow> rows)
    {
        var text = new StringBuilder();
        foreach (var r in rows)
        {
            text.Append(r.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(r.CategoryCode).Append(',')
                .Append(r.RegionCode).Append(',').Append((int)r.Level).Append(',').Append(r.HeldOut ? 'v' : 't');
            foreach (var f in r.Features)
            {
                text.Append(',').Append(f.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
