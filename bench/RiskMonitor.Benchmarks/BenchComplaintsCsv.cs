using System.Globalization;
using System.Text;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// A large 12315 complaints CSV shaped like the sample province's exports (UTF-8 with BOM, the 全国12315平台 header, mixed
/// region and category spellings, a phone number in about one text in twenty), generated once per size and reused.
/// </summary>
public static class BenchComplaintsCsv
{
    private static readonly string[] Header =
        ["登记编号", "登记时间", "所属区域", "商品类别", "被诉主体", "品牌", "规格型号", "来源渠道", "是否网购", "诉求内容", "投诉人", "联系电话"];

    private static readonly string[] Regions =
        ["武汉市", "湖北省武汉市", "武汉市洪山区", "黄石市", "十堰市", "宜昌市", "襄阳市", "鄂州市", "荆门市", "孝感市", "荆州市", "黄冈市",
            "咸宁市", "随州市", "恩施州", "仙桃市", "潜江市", "天门市", "神农架林区"];

    private static readonly string[] Categories =
        ["电动自行车", "电瓶车", "电动自行车充电器", "电动车电池", "燃气热水器", "燃气灶", "电热水壶", "电饭煲", "电磁炉", "电暖器", "电风扇",
            "插座", "LED灯具", "儿童玩具", "童车", "童装", "服装", "鞋类", "家具", "瓷砖", "复合肥", "化妆刷", "汽车"];

    private static readonly string[] Brands = ["美电", "安电", "速能", "博雅", "旭日", "清风", "锐骑", "星辰", "飞越", "乐童"];
    private static readonly string[] Channels = ["电话", "网络", "微信", "APP"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "秀英", "建华", "子涵"];

    private static readonly string[] Openings =
        ["本人上个月在京东购买了一台{0}牌产品，", "前几天在本地一家商场买的{0}产品，", "消费者反映：其两周前在拼多多直播间购买的{0}产品，", "我家去年年底从超市购入一件{0}产品，"];

    private static readonly string[] Events =
    [
        "用了不到一个月就出现质量问题，多次联系商家处理未果", "商家承诺七天无理由退货，收货后却拒绝退货", "使用过程中突然冒烟起火，所幸没有人员受伤",
        "使用时外壳漏电，家人被电击受伤，住院治疗3天", "打开包装有强烈刺鼻气味，送检后发现甲醛含量超标", "骑行中刹车失灵导致摔倒，手臂骨折",
        "实物与宣传不符，质量很差", "售后电话一直无人接听",
    ];

    private static readonly string[] Demands = ["要求退货退款。", "要求商家赔偿损失。", "请求市场监管部门依法处理。", "希望尽快给予答复。"];

    /// <summary>The file for <paramref name="rows"/> complaints in the system temp folder, written on first use.</summary>
    public static string Ensure(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), "riskmonitor-ingest-bench", FormattableString.Invariant($"complaints-{rows}.csv"));
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Write(path + ".partial", rows);
            File.Move(path + ".partial", path, overwrite: true);
        }

        return path;
    }

    private static void Write(string path, int rows)
    {
        var random = new Random(20261031);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 20);
        writer.Write(string.Join(',', Header));
        writer.Write('\n');
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var text = new StringBuilder(160);
        for (var i = 1; i <= rows; i++)
        {
            var at = start.AddSeconds((long)i * 2_592_000 / rows);
            var brand = Brands[random.Next(Brands.Length)];
            text.Clear()
                .Append(Openings[random.Next(Openings.Length)].Replace("{0}", brand, StringComparison.Ordinal))
                .Append(Events[random.Next(Events.Length)]).Append('。').Append(Demands[random.Next(Demands.Length)]);
            if (random.Next(20) == 0)
            {
                text.Append("联系电话：").Append(Mobile(random)).Append('。');
            }

            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"12315-{at:yyyyMM}-{i:D7},{at:yyyy-MM-dd HH:mm:ss},{Regions[random.Next(Regions.Length)]},{Categories[random.Next(Categories.Length)]},"));
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{brand}电器有限公司,{brand},MK-{random.Next(1000)},{Channels[random.Next(Channels.Length)]},{(random.Next(2) == 0 ? "是" : "否")},"));
            writer.Write(text);
            writer.Write(',');
            writer.Write(Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)]);
            writer.Write(',');
            writer.Write(random.Next(12) == 0 ? string.Empty : Mobile(random));
            writer.Write('\n');
        }
    }

    private static string Mobile(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}");
}
