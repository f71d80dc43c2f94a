using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>
/// Nine spot-check samples: four good (one failed with five items, one whose category comes from the product name, one
/// sampled out of the province), three bad (date, conclusion, unknown product), an exact repeat and a reused number.
/// </summary>
public static class SpotCheckRows
{
    public static readonly string[] Columns =
    [
        "sample_id", "task", "sampled_at", "region", "category", "product", "producer", "producer_region", "seller", "online",
        "platform", "spec", "brand", "batch", "result", "failed_items", "lab", "report_date",
    ];

    private const string Task = "2026年第一批小家电产品质量省级监督抽查";
    private const string Lab = "湖北省产品质量监督检验研究院";

    public static string?[] Passed => ["S1", Task, "2026-03-05", "武汉市", "电热水壶", "电热水壶", "佛山美电器有限公司", "广东省佛山市顺德区",
        "武汉市美好商行", "现场抽样", null, "MK-17", "美电", "20260101", "合格", null, Lab, "2026-03-20"];

    public static string?[] Failed => ["S2", Task, "2026/3/6", "宜昌市", "插头插座", "移动式插座", "宁波安电电器有限公司", "浙江省宁波市",
        "安电官方旗舰店", "网络抽样", "京东", "GN-1", "安电", "B2601", "不合格", "标签标识；耐热和耐燃、电源连接和外部软线,说明书;输入功率和电流",
        Lab, "2026-03-25"];

    public static IReadOnlyList<string?[]> All =>
    [
        Passed,
        Failed,
        ["S3", Task, "2026.3.7", "孝感市", "", "儿童电动玩具车", null, null, "孝感市童乐商店", "现场抽样", null, null, null, null, "合格", null, Lab, null],
        ["S4", Task, "2025-13-01", "武汉市", "电热水壶", "电热水壶", null, null, null, "现场抽样", null, null, null, null, "合格", null, Lab, null],
        ["S5", Task, "2026-03-05", "武汉市", "电热水壶", "电热水壶", null, null, null, "现场抽样", null, null, null, null, "待定", null, Lab, null],
        ["S6", Task, "2026-03-05", "武汉市", "", "福寿鱼", null, null, null, "现场抽样", null, null, null, null, "不合格", "孔雀石绿", Lab, null],
        Passed,
        ["S2", Task, "2026/3/6", "宜昌市", "插头插座", "移动式插座", "宁波安电电器有限公司", "浙江省宁波市", "安电官方旗舰店", "网络抽样", "京东",
            "GN-1", "安电", "B2601", "合格", null, Lab, "2026-03-25"],
        ["S7", Task, "2026-03-08", "广东省深圳市", "电暖器", "油汀", null, null, null, "现场抽样", null, null, null, null, "不合格", "标志和说明",
            Lab, null],
    ];

    public static string Write(TempDirectory directory, FileFormat format, HeaderStyle headers, string name = "spot-checks") =>
        TestFile.Write(directory, name, IngestSource.SpotChecks, format, headers, Columns, All);
}
