using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RiskMonitor.Reports.Html;

/// <summary>
/// The only ways report code puts data into HTML: encoded text, and JSON safe to place inside a <c>&lt;script&gt;</c>
/// element (every <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quote is escaped, so no value can close the element).
/// </summary>
public static class HtmlText
{
    private static readonly JsonSerializerOptions ScriptJson = new()
    {
        Encoder = JavaScriptEncoder.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number with thousands separators.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>JSON for a <c>&lt;script type="application/json"&gt;</c> block.</summary>
    public static string ScriptData<T>(T value) => JsonSerializer.Serialize(value, ScriptJson);

    /// <summary>"2026年10月".</summary>
    public static string ChineseMonth(DateOnly month) => $"{month.Year}年{month.Month}月";

    /// <summary>"2026年10月31日".</summary>
    public static string ChineseDate(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>A change against a reference as "+12.5%" / "-3.0%", or "—" when the reference is zero.</summary>
    public static string Change(long now, long before) =>
        before == 0 ? "—" : ((now - before) * 100.0 / before).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";
}
