using System.Globalization;
using System.Text;

namespace RiskMonitor.Ingest.Sample;

/// <summary>Fictitious complainants: names, mobile numbers and well-formed 18-digit ID numbers (which the ingest must mask).</summary>
internal static class PersonalData
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
        "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏",
        "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "谭", "陆", "汪", "范", "石", "廖", "夏", "付", "方", "邹", "熊", "秦", "江", "雷",
        "万", "严", "覃", "向", "易", "柯", "舒",
    ];

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚",
        "桂英", "建华", "文", "华", "红", "玉兰", "志强", "海燕", "婷", "浩然", "子涵", "雨轩", "欣怡", "俊杰", "思远", "佳琪", "梓萱",
        "建国", "春梅", "小龙", "晓东", "丹", "鹏", "琳", "斌", "雪", "慧", "凯", "宇航",
    ];

    private static readonly string[] MobilePrefixes =
        ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "158", "159", "166", "171",
            "173", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"];

    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckDigits = "10X98765432";

    /// <summary>张伟, 欧阳子涵 …; now and then only the surname with 先生 or 女士, as call-centre staff record it.</summary>
    public static string Name(Random random)
    {
        var surname = random.Chance(0.02) ? random.Pick(["欧阳", "司马", "上官"]) : random.Pick(Surnames);
        return random.Next(100) switch
        {
            < 6 => surname + "先生",
            < 12 => surname + "女士",
            _ => surname + random.Pick(GivenNames),
        };
    }

    public static string Mobile(Random random) =>
        random.Pick(MobilePrefixes) + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>An 18-digit resident ID number with a valid ISO 7064 check digit, born in a Hubei county between 1950 and 2005.</summary>
    public static string IdNumber(Random random, string divisionCode)
    {
        var born = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 55));
        var builder = new StringBuilder(18)
            .Append(divisionCode.AsSpan(0, 4))
            .Append(random.Next(1, 30).ToString("D2", CultureInfo.InvariantCulture))
            .Append(born.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            .Append(random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (builder[i] - '0') * IdWeights[i];
        }

        return builder.Append(IdCheckDigits[sum % 11]).ToString();
    }
}
