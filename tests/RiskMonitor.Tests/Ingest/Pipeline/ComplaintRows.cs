using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>
/// Ten complaints covering every outcome: three good rows, five bad ones (date, region, text, category, online), an exact
/// repeat and a reused number with other content. The header is line 1, so row i stands on line i + 2.
/// </summary>
public static class ComplaintRows
{
    public static readonly string[] Columns =
    [
        "complaint_id", "received_at", "region", "category", "producer", "brand", "model", "channel", "online", "text",
        "complainant_name", "complainant_phone",
    ];

    public static string?[] Good1 => ["C1", "2026-03-05 14:02:11", "武汉市", "电热水壶", "佛山美电器有限公司", "美电", "MK-17", "电话", "是",
        "烧水时底座漏电，手被电击受伤，住院3天。", "张伟", "13812345678"];

    public static string?[] Good2 => ["C2", "2026/3/6", "湖北省宜昌市", "电瓶车", null, "速能", null, "网络", "否",
        "充电时起火，所幸没有人员受伤。", "欧阳娜娜", "+86 139 8765 4321"];

    public static string?[] Good7 => ["C7", "2026年3月7日 09时30分", "襄阳市樊城区", "插座", null, null, null, "微信", "网购",
        "插座冒烟，联系电话15011112222。", "李娜", null];

    public static IReadOnlyList<string?[]> All =>
    [
        Good1,
        Good2,
        ["C3", "2026-02-30", "武汉市", "电热水壶", null, null, null, "电话", "否", "外壳很烫", "王芳", "13700000003"],
        ["C4", "2026-03-05", "火星市", "电热水壶", null, null, null, "电话", "否", "外壳很烫", "王芳", "13700000004"],
        ["C5", "2026-03-05", "武汉市", "电热水壶", null, null, null, "电话", "否", "", "王芳", "13700000005"],
        ["C6", "2026-03-05", "武汉市", "飞船", null, null, null, "电话", "否", "外壳很烫", "王芳", "13700000006"],
        Good1,
        ["C2", "2026/3/6", "湖北省宜昌市", "电瓶车", null, "速能", null, "网络", "否", "充电时起火，烧毁了车棚。", "欧阳娜娜", "+86 139 8765 4321"],
        Good7,
        ["C8", "2026-03-05", "武汉市", "电热水壶", null, null, null, "电话", "也许", "外壳很烫", "王芳", "13700000008"],
    ];

    public static string Write(TempDirectory directory, FileFormat format, HeaderStyle headers, string name = "complaints") =>
        TestFile.Write(directory, name, IngestSource.Complaints, format, headers, Columns, All);
}
