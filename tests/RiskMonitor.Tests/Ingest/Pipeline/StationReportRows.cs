using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>
/// Ten station-report rows: four good (one station with two categories, a hazard known only by a keyword), four bad (kind,
/// month, count, hazard), an exact repeat and the same station, month, category and hazard again with other counts.
/// </summary>
public static class StationReportRows
{
    public static readonly string[] Columns =
    [
        "station_id", "station_name", "station_kind", "region", "month", "category", "hazard", "cases", "injuries", "deaths",
        "description", "major",
    ];

    public static string?[] HospitalFires => ["05301", "襄阳市第一人民医院", "医院", "襄阳市", "2026-03", "电动自行车", "火灾", "3", "2", "0", "接诊3例", "否"];

    public static IReadOnlyList<string?[]> All =>
    [
        HospitalFires,
        ["05301", "襄阳市第一人民医院", "医院", "襄阳市", "2026-03", "电暖器", "烫伤烧伤", "1", "1", "0", null, "否"],
        ["04201", "宜昌市产品质量监督检验所", "检测机构", "宜昌", "2026年3月", "插座", null, "0", "0", "0", "本月无相关情况", null],
        ["09901", "某学校", "学校", "武汉市", "2026-03", "电热水壶", null, "1", "0", "0", null, "否"],
        ["09902", "某医院", "医疗机构", "武汉市", "2026/13", "电热水壶", null, "1", "0", "0", null, "否"],
        ["09903", "某检验所", "检验机构", "武汉市", "2026-03", "电热水壶", null, "三", "0", "0", null, "否"],
        ["09904", "某医院", "医疗机构", "武汉市", "2026-03", "电热水壶", "辐射", "1", "0", "0", null, "否"],
        HospitalFires,
        ["05301", "襄阳市第一人民医院", "医院", "襄阳市", "2026-03", "电动自行车", "火灾", "5", "2", "0", "接诊5例", "否"],
        ["01501", "湖北省电动自行车行业协会", "协会", "武汉市", "202603", "电瓶车电池", "充电起火", "2", "0", "0", null, "是"],
    ];

    public static string Write(TempDirectory directory, FileFormat format, HeaderStyle headers, string name = "station-reports") =>
        TestFile.Write(directory, name, IngestSource.StationReports, format, headers, Columns, All);
}
