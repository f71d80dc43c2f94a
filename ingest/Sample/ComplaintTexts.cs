using System.Text;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>What a complaint is about.</summary>
internal enum ComplaintTone
{
    /// <summary>An ordinary grievance: broken, not as advertised, refused refund. No hazard words.</summary>
    Ordinary,

    /// <summary>Something dangerous happened (the hazard is named in the text), perhaps with an injury.</summary>
    Incident,

    /// <summary>Worry stirred by a news report, with nothing having happened.</summary>
    MediaConcern,
}

/// <summary>The facts a complaint text is written from.</summary>
internal sealed record ComplaintStory(
    ProductCategory Category, Producer Producer, string Model, string? Platform, ComplaintTone Tone, string? Hazard, bool Injury);

/// <summary>Writes a complaint's free text in the manner of 12315 records: purchase, what happened, harm, demand.</summary>
internal static class ComplaintTexts
{
    private static readonly Dictionary<string, string[]> Events = new(StringComparer.Ordinal)
    {
        ["fire"] = ["使用过程中突然冒烟起火", "通电后机身冒烟，随后起火", "使用时发生爆燃，烧毁了周边物品", "插电使用半小时后着火"],
        ["co_poisoning"] = ["洗澡时家人出现头晕、恶心，送医诊断为一氧化碳中毒", "使用时排烟不畅，全家出现煤气中毒症状",
            "家里的一氧化碳报警器频繁报警，家人头痛乏力", "烟道接口漏气，家中老人CO中毒"],
        ["electric_shock"] = ["使用时外壳漏电，手被电了一下", "触碰外壳有明显麻手感", "清洗时发生触电", "插上电源后金属部分带电，家人被电击"],
        ["burn"] = ["使用中热水喷出导致烫伤", "外壳温度过高，孩子触碰后被烫伤", "盖子突然弹开，开水溅出烫伤手臂", "表面温度过高，手被灼伤"],
        ["choking"] = ["玩具上的小零件很容易掉下来，孩子差点误吞", "孩子误吞了掉下来的小零件，送医检查", "装饰扣松动，孩子放进嘴里险些卡喉",
            "配件太小，存在吞食风险"],
        ["chemical"] = ["打开包装有强烈刺鼻气味", "送检后发现甲醛含量超标", "穿用后皮肤过敏，怀疑含有有毒物质", "放置多日仍有很重的异味"],
        ["mechanical"] = ["使用中部件突然断裂，手被划伤", "折叠处没有防护，孩子被夹伤", "把手松动后脱落", "边缘锋利，割伤了手指"],
        ["fall"] = ["骑行中刹车失灵导致摔倒", "前叉断裂，人从车上摔伤", "行驶中突然侧翻", "车架焊点开裂导致跌落"],
        ["labelling"] = ["产品没有中文标识和合格证", "说明书缺失，也没有任何警示语", "标签上的信息与实物不符", "外包装上没有厂名厂址等标识"],
    };

    private static readonly string[] ChargingFires =
        ["充电时突然起火", "夜间充电时电池鼓包后自燃", "充电过程中冒烟起火，楼道杂物被烧毁", "停放充电时发生爆燃，消防到场才扑灭"];

    private static readonly Dictionary<string, string> Harm = new(StringComparer.Ordinal)
    {
        ["fire"] = "被烧伤", ["co_poisoning"] = "一氧化碳中毒入院", ["electric_shock"] = "被电击受伤", ["burn"] = "被烫伤",
        ["choking"] = "被送往医院检查", ["chemical"] = "出现过敏症状就医", ["mechanical"] = "手部受伤", ["fall"] = "摔伤",
    };

    private static readonly string[] CommonGripes =
    [
        "用了不到一个月就出现质量问题，多次联系商家处理未果", "商家承诺七天无理由退货，收货后却拒绝退货", "实物与宣传不符，质量很差",
        "售后电话一直无人接听", "收到的商品有明显使用痕迹，怀疑是翻新货", "质保期内出现问题，商家要求自费维修",
        "快递送达时外包装破损，商家拒绝换货", "发票开具不规范，商家拒绝补开",
    ];

    private static readonly string[] MediaConcerns =
    [
        "看到新闻报道部分{p}内胆材质不合格，担心家里的{b}{p}存在安全隐患，要求商家出具检测报告",
        "近日网上曝光{p}质量问题，本人购买的{b}{p}（型号{m}）是否在其中？请求核查",
        "媒体报道{p}存在质量隐患，本人购买的{b}{p}要求退货",
        "看到电视报道后很担心，家中使用的{b}{p}是否安全？希望监管部门公布抽检结果",
    ];

    private static readonly string[] Whens = ["上个月", "前几天", "两周前", "去年年底", "今年年初", "上周末", "半年前"];
    private static readonly string[] Shops = ["本地一家家电卖场", "小区附近的店里", "一家商场", "街边门店", "超市", "专卖店"];
    private static readonly string[] Relatives = ["本人", "孩子", "家中老人", "妻子", "丈夫", "家人"];

    private static readonly string[] Demands =
        ["要求退货退款。", "要求商家赔偿损失。", "请求市场监管部门依法处理。", "希望尽快给予答复。", "要求更换新品并赔偿。", "请相关部门调查处理。"];

    public static string Compose(ComplaintStory story, Region region, Random random)
    {
        var product = story.Category.Aliases.Count > 0 && random.Chance(0.6) ? random.Pick(story.Category.Aliases) : story.Category.Name;
        var brand = story.Producer.Brand;
        var text = new StringBuilder(96);
        if (story.Tone == ComplaintTone.MediaConcern)
        {
            text.Append(random.Pick(MediaConcerns).Replace("{p}", product, StringComparison.Ordinal)
                .Replace("{b}", brand, StringComparison.Ordinal).Replace("{m}", story.Model, StringComparison.Ordinal)).Append('。');
            return AppendContact(text, region, random).ToString();
        }

        var place = story.Platform is null ? random.Pick(Shops) : story.Platform + random.Pick(["上的旗舰店", "某店铺", "直播间"]);
        var measure = CategoryTraits.For(story.Category).Measure;
        text.Append(random.Next(4) switch
        {
            0 => $"本人{random.Pick(Whens)}在{place}购买了一{measure}{brand}牌{product}（型号{story.Model}）",
            1 => $"{random.Pick(Whens)}在{place}买的{brand}{product}",
            2 => $"消费者反映：其{random.Pick(Whens)}在{place}购买的{brand}{product}，型号{story.Model}",
            _ => $"我家{random.Pick(Whens)}从{place}购入一{measure}{brand}{product}",
        }).Append('，');

        if (story.Tone == ComplaintTone.Incident && story.Hazard is { } hazard && Events.TryGetValue(hazard, out var events))
        {
            var charging = hazard == "fire" && story.Category.Group == "电动自行车及配件";
            text.Append(random.Pick(charging ? ChargingFires : events));
            if (story.Injury && Harm.TryGetValue(hazard, out var harm))
            {
                text.Append('，').Append(random.Pick(Relatives)).Append(harm);
                if (random.Chance(0.4))
                {
                    text.Append("，住院治疗").Append(random.Next(2, 15)).Append('天');
                }
            }
            else if (random.Chance(0.15))
            {
                text.Append("，所幸没有人员受伤");
            }
        }
        else
        {
            var gripes = CategoryTraits.For(story.Category).Gripes;
            text.Append(random.Chance(0.5) ? random.Pick(gripes) : random.Pick(CommonGripes));
        }

        text.Append('。').Append(random.Pick(Demands));
        return AppendContact(text, region, random).ToString();
    }

    /// <summary>About one text in twenty carries a phone or ID number that the ingest must mask.</summary>
    private static StringBuilder AppendContact(StringBuilder text, Region region, Random random) => random.Next(40) switch
    {
        0 => text.Append("联系电话：").Append(PersonalData.Mobile(random)).Append('。'),
        1 => text.Append("本人身份证号：").Append(PersonalData.IdNumber(random, region.Code)).Append('。'),
        _ => text,
    };
}
