using RiskMonitor.Core.Domain;

namespace RiskMonitor.Reports.Html;

/// <summary>The look shared by the printed reports: A4, the CJK font the PDF embeds, level chips in the levels' own colours.</summary>
public static class ReportStyle
{
    public const string Css = """
        @page{size:A4;margin:13mm 14mm}
        *{box-sizing:border-box}
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;color:#1f2933;margin:0 auto;max-width:182mm;font-size:10.5pt;line-height:1.45}
        header.masthead{border-bottom:3px solid #b71c1c;padding-bottom:4mm;margin-bottom:4mm}
        .masthead .kicker{color:#b71c1c;font-weight:700;letter-spacing:.3em;font-size:12pt}
        h1{font-size:17pt;margin:1mm 0}
        .masthead .meta{color:#52606d;font-size:9.5pt}
        h2{font-size:12.5pt;margin:5mm 0 2mm;padding-left:2mm;border-left:4px solid #b71c1c}
        section{break-inside:avoid}
        table{border-collapse:collapse;width:100%;font-size:9.5pt}
        th,td{border:1px solid #cbd2d9;padding:1.2mm 1.6mm;text-align:left;vertical-align:top}
        th{background:#f0f4f8;font-weight:600}
        td.num,th.num{text-align:right;white-space:nowrap}
        td.nw{white-space:nowrap}
        .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:2.5mm}
        .card{border:1px solid #cbd2d9;border-radius:2mm;padding:2mm 3mm}
        .card .label{color:#52606d;font-size:9pt}
        .card .value{display:block;font-size:16pt;font-weight:700}
        .card .delta{font-size:8.5pt;color:#52606d}
        .lv{display:inline-block;border-radius:1mm;padding:0 1.6mm;white-space:nowrap;font-size:9pt}
        .levels{display:flex;gap:2mm;flex-wrap:wrap;margin:1mm 0 2mm}
        .levels .lv{font-size:10pt;padding:.6mm 2.4mm}
        ol.risks{margin:0;padding-left:6mm} ol.risks li{margin-bottom:1.5mm}
        .note{color:#52606d;font-size:8.5pt}
        .ok{color:#1b7f3b}
        .warn{color:#b71c1c;font-weight:600}
        .chart{margin:1mm 0}
        footer{margin-top:5mm;border-top:1px solid #cbd2d9;padding-top:2mm;color:#52606d;font-size:8.5pt}
        """;

    /// <summary>A chip in the level's colour; yellow takes dark text so that it stays legible.</summary>
    public static string LevelChip(WarningLevel level, string? text = null)
    {
        var foreground = level == WarningLevel.III ? "#1f2933" : "#ffffff";
        return $"<span class=\"lv\" style=\"background:{level.ColourHex()};color:{foreground}\">{HtmlText.E(text ?? level.ChineseLabel())}</span>";
    }

    /// <summary>Opening of a report page up to and including <c>&lt;body&gt;</c>.</summary>
    public static string Head(string title, string extraCss = "") =>
        $"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{HtmlText.E(title)}</title>\n<style>{Css}{extraCss}</style></head><body>\n";
}
