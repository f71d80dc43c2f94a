using System.Globalization;
using System.Text;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>A large complaints CSV written straight to disk, with a known number of bad rows and exact repeats.</summary>
public static class LargeComplaintsFile
{
    private static readonly string[] Regions = ["武汉市", "宜昌市", "襄阳市", "黄冈市", "孝感市", "荆州市", "十堰市"];
    private static readonly string[] Categories = ["电热水壶", "电动自行车", "插座", "电暖器", "儿童玩具", "燃气热水器"];
    private static readonly string[] Texts =
    [
        "本人上个月在京东购买的产品，用了不到一个月就出现质量问题，多次联系商家处理未果。要求退货退款。",
        "充电时突然冒烟起火，所幸没有人员受伤。请求市场监管部门依法处理。",
        "使用时外壳漏电，家人被电击受伤，住院治疗3天。要求商家赔偿损失。",
        "商家承诺七天无理由退货，收货后却拒绝退货。希望尽快给予答复。",
    ];

    /// <summary>Every this many rows, one names an unknown region (quarantined).</summary>
    public const int BadEvery = 10_000;

    /// <summary>Every this many rows, the previous row is written again (a duplicate).</summary>
    public const int RepeatEvery = 25_000;

    /// <summary>Writes <paramref name="rows"/> distinct complaints plus the repeats; returns the rows in the file.</summary>
    public static (long Rows, long Bad, long Repeats) Write(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("登记编号,登记时间,所属区域,商品类别,被诉主体,品牌,规格型号,来源渠道,是否网购,诉求内容,投诉人,联系电话\n");
        long bad = 0, repeats = 0;
        string? previous = null;
        for (var i = 1; i <= rows; i++)
        {
            var region = i % BadEvery == 0 ? "火星市" : Regions[i % Regions.Length];
            bad += i % BadEvery == 0 ? 1 : 0;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"12315-{i:D8},2026-03-{1 + (i % 28):D2} {8 + (i % 12):D2}:{i % 60:D2}:{i % 59:D2},{region},{Categories[i % Categories.Length]},"
                + $"某某电器有限公司,美电,MK-{i % 100},电话,{(i % 2 == 0 ? "是" : "否")},{Texts[i % Texts.Length]},张伟,138{i:D8}\n");
            if (i % RepeatEvery == 0 && previous is not null)
            {
                writer.Write(previous);
                repeats++;
            }

            writer.Write(line);
            previous = line;
        }

        return (rows + repeats, bad, repeats);
    }
}
