using RiskMonitor.Core.Domain;
using C = RiskMonitor.Ingest.Sample.ComplaintColumn;
using P = RiskMonitor.Ingest.Sample.SpotCheckColumn;
using S = RiskMonitor.Ingest.Sample.StationColumn;

namespace RiskMonitor.Ingest.Sample;

/// <summary>How a sender names a region: 武汉市, 湖北省武汉市, 武汉市洪山区 or 武汉.</summary>
internal enum RegionStyle
{
    Full,
    ProvincePrefixed,
    District,
    Short,
}

/// <summary>One sender's export layout: which columns, in what order, under which header, and how it writes regions.</summary>
/// <param name="Title">A title row before the header, "{月}" standing for the month as 2026年3月; none when null.</param>
/// <param name="Columns">Output columns as (canonical index, header text); columns a sender lacks are simply absent.</param>
/// <param name="CategoryAliasRate">How often the category column holds a colloquial alias (电瓶车) instead of the catalogue name.</param>
/// <remarks>Every Chinese header is an alias listed in the header mapping; a test checks that the two stay in step.</remarks>
internal sealed record SenderLayout(string? Title, IReadOnlyList<(int Column, string Header)> Columns, RegionStyle Region, double CategoryAliasRate)
{
    public string? TitleFor(DateOnly month) => Title?.Replace("{月}", $"{month.Year}年{month.Month}月", StringComparison.Ordinal);

    public string[] Headers => Columns.Select(c => c.Header).ToArray();

    public string RegionText(Region region, Random random) => Region switch
    {
        RegionStyle.ProvincePrefixed => "湖北省" + region.Name,
        RegionStyle.Short => region.ShortName,
        RegionStyle.District => region.Name + PickDistrict(region, random),
        _ => region.Name,
    };

    public string CategoryText(ProductCategory category, Random random) =>
        category.Aliases.Count > 0 && random.Chance(CategoryAliasRate) ? random.Pick(category.Aliases) : category.Name;

    private static string PickDistrict(Region region, Random random)
    {
        // Aliases also hold old names and short forms (襄樊市, 恩施州); only districts and counties follow a division's name.
        var districts = region.Aliases.Where(a => a.EndsWith('区') || a.EndsWith('县')).ToList();
        return districts.Count == 0 ? string.Empty : random.Pick(districts);
    }
}

/// <summary>The senders each source's files come from, picked per file so that layouts vary across months.</summary>
internal static class SenderLayouts
{
    public static IReadOnlyList<SenderLayout> Complaints { get; } =
    [
        new("全国12315平台投诉信息导出（湖北省，{月}）",
            [(C.Id, "登记编号"), (C.ReceivedAt, "登记时间"), (C.Region, "所属区域"), (C.Category, "商品类别"), (C.Producer, "被诉主体"),
                (C.Brand, "品牌"), (C.Model, "规格型号"), (C.Channel, "来源渠道"), (C.Online, "是否网购"), (C.Text, "诉求内容"),
                (C.Name, "投诉人"), (C.Phone, "联系电话")],
            RegionStyle.Full, 0.1),
        new("{月}消费者投诉汇总表",
            [(C.Id, "投诉编号"), (C.Region, "地区"), (C.ReceivedAt, "投诉日期"), (C.Category, "产品名称"), (C.Brand, "品牌"), (C.Model, "型号"),
                (C.Producer, "被投诉企业"), (C.Text, "投诉内容"), (C.Channel, "渠道"), (C.Online, "网购"), (C.Name, "投诉人姓名"),
                (C.Phone, "手机号码")],
            RegionStyle.ProvincePrefixed, 0.25),
        Canonical(ComplaintColumn.Schema),
        new(null,
            [(C.Id, "工单编号"), (C.ReceivedAt, "受理时间"), (C.Region, "属地"), (C.Category, "商品名称"), (C.Producer, "生产企业"),
                (C.Brand, "品牌"), (C.Channel, "投诉渠道"), (C.Online, "是否网购"), (C.Text, "问题描述"), (C.Name, "姓名"), (C.Phone, "电话")],
            RegionStyle.District, 0.35),
    ];

    public static IReadOnlyList<SenderLayout> SpotChecks { get; } =
    [
        new("{月}产品质量监督抽查结果汇总表",
            [(P.SampleId, "抽样单编号"), (P.Task, "抽查任务"), (P.Category, "产品类别"), (P.Product, "产品名称"), (P.Spec, "规格型号"),
                (P.Brand, "商标"), (P.Batch, "生产日期/批号"), (P.Producer, "标称生产企业名称"), (P.ProducerRegion, "标称生产企业地址"),
                (P.Seller, "被抽样单位名称"), (P.Region, "被抽样单位所在地"), (P.SampledAt, "抽样日期"), (P.Online, "抽样方式"),
                (P.Platform, "电商平台"), (P.Result, "检验结论"), (P.FailedItems, "不合格项目"), (P.Lab, "承检机构"), (P.ReportDate, "报告日期")],
            RegionStyle.Full, 0.0),
        new(null,
            [(P.SampleId, "样品编号"), (P.Task, "任务名称"), (P.SampledAt, "抽样时间"), (P.Seller, "被抽样单位"), (P.Region, "所在地"),
                (P.Category, "产品分类"), (P.Product, "样品名称"), (P.Spec, "型号规格"), (P.Brand, "品牌"), (P.Batch, "批号"),
                (P.Producer, "生产企业"), (P.ProducerRegion, "生产企业地址"), (P.Online, "抽样方式"), (P.Platform, "电商平台"),
                (P.Result, "检验结果"), (P.FailedItems, "不合格项目名称"), (P.Lab, "检验机构"), (P.ReportDate, "检验报告日期")],
            RegionStyle.District, 0.1),
        Canonical(SpotCheckColumn.Schema),
    ];

    public static IReadOnlyList<SenderLayout> StationReports { get; } =
    [
        new("风险信息监测采集站月报汇总（{月}）",
            [(S.Id, "站点编号"), (S.Name, "站点名称"), (S.Kind, "站点类型"), (S.Region, "所在地区"), (S.Month, "报告月份"),
                (S.Category, "产品类别"), (S.Hazard, "危害类型"), (S.Cases, "件数"), (S.Injuries, "受伤人数"), (S.Deaths, "死亡人数"),
                (S.Description, "风险描述"), (S.Major, "是否重大风险")],
            RegionStyle.Full, 0.0),
        new(null,
            [(S.Id, "监测站编号"), (S.Name, "监测站名称"), (S.Kind, "监测站类型"), (S.Region, "地区"), (S.Month, "月份"),
                (S.Category, "产品名称"), (S.Hazard, "伤害类型"), (S.Cases, "例数"), (S.Injuries, "伤者人数"), (S.Deaths, "死亡人数"),
                (S.Description, "情况描述"), (S.Major, "重大风险")],
            RegionStyle.Short, 0.15),
        Canonical(StationColumn.Schema),
    ];

    private static SenderLayout Canonical(SourceSchema schema) =>
        new(null, schema.Columns.Select((name, i) => (i, name)).ToList(), RegionStyle.Full, 0.0);
}
