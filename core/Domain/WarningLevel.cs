namespace RiskMonitor.Core.Domain;

/// <summary>
/// The four warning levels of regulation 003 Art. 19, ordered by severity so that comparisons read naturally
/// (<c>level &gt;= WarningLevel.II</c>). <see cref="None"/> means no warning.
/// </summary>
public enum WarningLevel
{
    None = 0,
    IV = 1,
    III = 2,
    II = 3,
    I = 4,
}

/// <summary>Names, colours and parsing of <see cref="WarningLevel"/>: the one place a level's wording lives.</summary>
public static class WarningLevels
{
    /// <summary>The levels from most to least severe.</summary>
    public static IReadOnlyList<WarningLevel> Descending { get; } = [WarningLevel.I, WarningLevel.II, WarningLevel.III, WarningLevel.IV];

    /// <summary>I, II, III, IV; empty for none.</summary>
    public static string Roman(this WarningLevel level) => level == WarningLevel.None ? string.Empty : level.ToString();

    /// <summary>特别严重, 严重, 较严重, 一般.</summary>
    public static string Severity(this WarningLevel level) => level switch
    {
        WarningLevel.I => "特别严重",
        WarningLevel.II => "严重",
        WarningLevel.III => "较严重",
        WarningLevel.IV => "一般",
        _ => "无",
    };

    /// <summary>红色, 橙色, 黄色, 蓝色.</summary>
    public static string ColourName(this WarningLevel level) => level switch
    {
        WarningLevel.I => "红色",
        WarningLevel.II => "橙色",
        WarningLevel.III => "黄色",
        WarningLevel.IV => "蓝色",
        _ => "无",
    };

    /// <summary>The colour as CSS hex, for reports and charts.</summary>
    public static string ColourHex(this WarningLevel level) => level switch
    {
        WarningLevel.I => "#d7263d",
        WarningLevel.II => "#f46036",
        WarningLevel.III => "#f2c14e",
        WarningLevel.IV => "#2e86de",
        _ => "#9aa5b1",
    };

    /// <summary>For example "Ⅱ级（严重，橙色）".</summary>
    public static string ChineseLabel(this WarningLevel level) =>
        level == WarningLevel.None ? "无预警" : $"{RomanNumeral(level)}级（{level.Severity()}，{level.ColourName()}）";

    private static string RomanNumeral(WarningLevel level) => level switch
    {
        WarningLevel.I => "Ⅰ",
        WarningLevel.II => "Ⅱ",
        WarningLevel.III => "Ⅲ",
        _ => "Ⅳ",
    };

    /// <summary>Parses I–IV (ASCII or Ⅰ–Ⅳ), 1–4, 红/橙/黄/蓝 (with or without 色), 特别严重/严重/较严重/一般; empty or "none" is no warning.</summary>
    public static bool TryParse(string? text, out WarningLevel level)
    {
        var t = (text ?? string.Empty).Trim().TrimEnd('级').Replace("色", string.Empty, StringComparison.Ordinal);
        level = t.ToUpperInvariant() switch
        {
            "" or "NONE" or "无" or "0" or "-" => WarningLevel.None,
            "I" or "Ⅰ" or "1" or "红" or "特别严重" => WarningLevel.I,
            "II" or "Ⅱ" or "2" or "橙" or "严重" => WarningLevel.II,
            "III" or "Ⅲ" or "3" or "黄" or "较严重" => WarningLevel.III,
            "IV" or "Ⅳ" or "4" or "蓝" or "一般" => WarningLevel.IV,
            _ => (WarningLevel)(-1),
        };
        return Enum.IsDefined(level);
    }

    public static WarningLevel Parse(string? text) =>
        TryParse(text, out var level) ? level : throw new RiskMonitorException($"无法识别的预警级别：“{text}”（应为 I/II/III/IV、红/橙/黄/蓝 或 none）");
}
