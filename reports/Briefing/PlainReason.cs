using System.Globalization;
using System.Text.Json;

namespace RiskMonitor.Reports.Briefing;

/// <summary>
/// One line of plain Chinese saying why a risk stands out, for readers who do not know the Art. 19 factor scores: built
/// from the inputs stored with the assessment, falling back to the first clause of its technical explanation.
/// </summary>
public static class PlainReason
{
    public static string From(string? factorsJson, string explanation)
    {
        var parts = Inputs(factorsJson) is { } inputs ? Parts(inputs) : [];
        if (parts.Count == 0)
        {
            var first = (explanation ?? string.Empty).Split('；', 2)[0].Trim();
            return first.Length == 0 ? "综合评分达到预警级别。" : first + "。";
        }

        return string.Join("，", parts.Take(3)) + "。";
    }

    private static List<string> Parts(JsonElement i)
    {
        var parts = new List<string>();
        var deaths = Int(i, "Deaths");
        var injuries = Int(i, "Injuries");
        if (deaths > 0)
        {
            parts.Add($"监测报告死亡{deaths}例");
        }
        else if (injuries > 0)
        {
            parts.Add($"监测报告受伤{injuries}人");
        }

        var signal = Int(i, "Signal");
        var ratio = Number(i, "Ratio");
        var hasBaseline = i.TryGetProperty("Baseline", out var baseline) && baseline.ValueKind == JsonValueKind.Number;
        if (signal > 0)
        {
            parts.Add(hasBaseline && ratio >= 1.5
                ? $"本月涉安全投诉和报告{signal}起，约为往常的{ratio.ToString("0.#", CultureInfo.InvariantCulture)}倍"
                : $"本月涉安全投诉和报告{signal}起");
        }

        if (Int(i, "SafetyFailures") is var failures and > 0)
        {
            parts.Add($"抽查发现安全项目不合格{failures}批次");
        }

        if (Int(i, "MajorReports") is var major and > 0)
        {
            parts.Add($"收到重大风险报告{major}起");
        }

        if (Int(i, "ElevatedMonths") is var months and >= 2)
        {
            parts.Add($"已连续{months}个月偏高");
        }

        if (Int(i, "RegionsAffected") is var regions and >= 2)
        {
            parts.Add($"涉及{regions}个市州");
        }

        return parts;
    }

    private static JsonElement? Inputs(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Inputs", out var inputs)
                && inputs.ValueKind == JsonValueKind.Object
                ? inputs.Clone()
                : null;
        }
        catch (JsonException)
        {
            // Stored by another version of the analytics: the explanation text still says why.
            return null;
        }
    }

    private static long Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? (long)Math.Round(v.GetDouble()) : 0;

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
}
