using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Warnings.Notices;

/// <summary>The scope of a warning (Art. 21 预警范围): product category, area, and the regions, producers and platforms named.</summary>
public sealed record NoticeScope(
    string CategoryName, string Area, IReadOnlyList<string> Regions, IReadOnlyList<string> Producers, IReadOnlyList<string> Platforms);

/// <summary>
/// What a notice says, fixed when it is drafted (stored as JSON in <c>notices.content_json</c>): the kind, the decision,
/// level and colour, scope, warning items and measures that regulation 003 Art. 21 requires. Number, date of issue and
/// feedback date are added on approval (<see cref="NoticeSeal"/>).
/// </summary>
/// <param name="FromLevel">The level in force before this notice; <see cref="WarningLevel.None"/> for a new warning.</param>
/// <param name="DataMonth">The month whose monitoring data the notice rests on.</param>
/// <param name="FeedbackDays">Calendar days from approval to the feedback deadline.</param>
/// <param name="Reason">Why an adjustment or lifting is proposed; empty for a new warning.</param>
public sealed record NoticeContent(
    NoticeKind Kind,
    NoticeAction Action,
    WarningLevel Level,
    WarningLevel FromLevel,
    DateOnly DataMonth,
    NoticeScope Scope,
    IReadOnlyList<string> WarningItems,
    IReadOnlyList<string> Measures,
    int FeedbackDays,
    string Reason)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The subject as the title names it: 全省电动自行车, 武汉市燃气热水器.</summary>
    public string Subject => Scope.Area + Scope.CategoryName;

    public string Title => Action switch
    {
        NoticeAction.Upgrade => $"关于{Subject}质量安全风险预警升级为{LevelText.Numbered(Level)}的{Kind.ChineseName()}",
        NoticeAction.Downgrade => $"关于{Subject}质量安全风险预警调整为{LevelText.Numbered(Level)}的{Kind.ChineseName()}",
        NoticeAction.Lift => $"关于解除{Subject}质量安全风险预警的{Kind.ChineseName()}",
        _ => $"关于{Subject}质量安全风险的{Kind.ChineseName()}",
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static NoticeContent FromJson(string json) =>
        JsonSerializer.Deserialize<NoticeContent>(json, Json) ?? throw new JsonException("empty notice content");
}

/// <summary>Short forms of a level for titles and sentences; the wording itself belongs to <see cref="WarningLevels"/>.</summary>
public static class LevelText
{
    /// <summary>"Ⅱ级": the label up to its first bracket.</summary>
    public static string Numbered(WarningLevel level)
    {
        var label = level.ChineseLabel();
        var bracket = label.IndexOf('（', StringComparison.Ordinal);
        return bracket < 0 ? label : label[..bracket];
    }
}
