using RiskMonitor.Core;
using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Tests.Ingest.Mapping;

public sealed class ColumnMapTests
{
    private static readonly HeaderAliases Aliases = HeaderAliases.Default;

    private static Dictionary<string, string> Pairs(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [Fact]
    public void Resolve_ChineseAliases_FindEveryColumn()
    {
        string[] headers = ["登记编号", "登记时间", "所属区域", "商品类别", "诉求内容", "投诉人", "联系电话"];
        string[] cells = ["A1", "2026-03-05", "武汉市", "电热水壶", "漏电", "张伟", "13812345678"];

        var map = ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases);

        map.Get(cells, "complaint_id").Should().Be("A1");
        map.Get(cells, "received_at").Should().Be("2026-03-05");
        map.Get(cells, "region").Should().Be("武汉市");
        map.Get(cells, "category").Should().Be("电热水壶");
        map.Get(cells, "text").Should().Be("漏电");
        map.Get(cells, "complainant_name").Should().Be("张伟");
        map.Get(cells, "complainant_phone").Should().Be("13812345678");
        map.Get(cells, "brand").Should().BeEmpty();
        map.IgnoredHeaders.Should().BeEmpty();
    }

    [Fact]
    public void Resolve_CanonicalNamesAndPaddedHeaders_AreRecognised()
    {
        string[] headers = ["\uFEFFcomplaint_id", " received_at ", "region\u3000", "category", "text", "备注"];
        string[] cells = ["A1", "2026-03-05", "武汉市", "电热水壶", "漏电", "x"];

        var map = ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases);

        map.Get(cells, "complaint_id").Should().Be("A1");
        map.Get(cells, "region").Should().Be("武汉市");
        map.IgnoredHeaders.Should().Equal("备注");
    }

    [Fact]
    public void Resolve_ExplicitMap_NamesColumnsTheAliasTableDoesNotKnow()
    {
        string[] headers = ["id", "brand", "desc", "datetime"];
        string[] cells = ["482028", "一汽马自达", "B柱异响", "2020-06-08"];

        var map = ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases,
            Pairs("id=complaint_id", "desc=text", "datetime=received_at"), Pairs("region=武汉市", "category=汽车及零部件"));

        map.Get(cells, "complaint_id").Should().Be("482028");
        map.Get(cells, "received_at").Should().Be("2020-06-08");
        map.Get(cells, "text").Should().Be("B柱异响");
        map.Get(cells, "brand").Should().Be("一汽马自达");
        map.Get(cells, "region").Should().Be("武汉市");
        map.Get(cells, "category").Should().Be("汽车及零部件");
        map.Describe("received_at").Should().Be("“datetime”（received_at）");
        map.Describe("region").Should().Be("“region”");
    }

    [Fact]
    public void Resolve_ExplicitMap_WinsOverAnAliasStandingEarlierInTheFile()
    {
        string[] headers = ["登记编号", "登记时间", "受理时间", "所属区域", "商品类别", "诉求内容"];
        string[] cells = ["A1", "2026-03-01", "2026-03-05", "武汉市", "电热水壶", "漏电"];

        var map = ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases, Pairs("受理时间=received_at"));

        map.Get(cells, "received_at").Should().Be("2026-03-05");
        map.IgnoredHeaders.Should().Equal("登记时间");
    }

    [Fact]
    public void Resolve_TwoHeadersForOneColumn_KeepsTheFirstAndIgnoresTheOther()
    {
        string[] headers = ["登记编号", "登记时间", "投诉时间", "所属区域", "商品类别", "诉求内容"];
        string[] cells = ["A1", "2026-03-01", "2026-03-05", "武汉市", "电热水壶", "漏电"];

        var map = ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases);

        map.Get(cells, "received_at").Should().Be("2026-03-01");
        map.IgnoredHeaders.Should().Equal("投诉时间");
    }

    [Fact]
    public void Get_Default_FillsAMissingColumnAndAnEmptyCellButNotAFilledOne()
    {
        string[] headers = ["登记编号", "登记时间", "所属区域", "商品类别", "诉求内容"];

        var map = ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases, defaults: Pairs("region=武汉市", "channel=电话"));

        map.Get(["A1", "2026-03-05", "", "电热水壶", "漏电"], "region").Should().Be("武汉市");
        map.Get(["A1", "2026-03-05", "宜昌市", "电热水壶", "漏电"], "region").Should().Be("宜昌市");
        map.Get(["A1", "2026-03-05", "宜昌市", "电热水壶", "漏电"], "channel").Should().Be("电话");
    }

    [Fact]
    public void Get_RowShorterThanTheHeader_ReadsMissingCellsAsEmpty()
    {
        var map = ColumnMap.Resolve(IngestSource.Complaints, ["登记编号", "登记时间", "所属区域", "商品类别", "诉求内容"], Aliases);

        map.Get(["A1"], "text").Should().BeEmpty();
    }

    [Fact]
    public void Resolve_MissingRequiredColumns_FailsWithOneChineseMessageListingThemAndTheFilesHeaders()
    {
        string[] headers = ["登记编号", "登记时间", "品牌", "备注"];

        var act = () => ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases);

        var error = act.Should().Throw<RiskMonitorException>().Which;
        error.Should().NotBeOfType<UsageException>();
        error.Message.Should().Contain("文件缺少必需的列")
            .And.Contain("所属区域（region）").And.Contain("商品类别（category）").And.Contain("诉求内容（text）")
            .And.Contain("文件的表头为：登记编号、登记时间、品牌、备注")
            .And.Contain("--map").And.Contain("--default");
        error.Message.Should().NotContain("received_at").And.NotContain("\n");
    }

    [Theory]
    [InlineData("map")]
    [InlineData("default")]
    public void Resolve_UnknownCanonicalName_IsAUsageErrorListingTheValidOnes(string option)
    {
        string[] headers = ["登记编号", "登记时间", "所属区域", "商品类别", "诉求内容", "车型"];
        var pairs = Pairs(option == "map" ? "车型=car_model" : "car_model=X");

        var act = () => option == "map"
            ? ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases, explicitMap: pairs)
            : ColumnMap.Resolve(IngestSource.Complaints, headers, Aliases, defaults: pairs);

        act.Should().Throw<UsageException>()
            .WithMessage("*“car_model”不是12315投诉的标准字段*complaint_id*received_at*complainant_phone*");
    }

    [Fact]
    public void Resolve_SpotChecksWithProductButNoCategory_LetsTheProductNameTellTheCategory()
    {
        string[] headers = ["抽样单编号", "抽样日期", "被抽样单位所在地", "产品名称", "检验结论"];

        var map = ColumnMap.Resolve(IngestSource.SpotChecks, headers, Aliases);

        map.Get(["S1", "2026-03-05", "武汉市", "电热水壶", "合格"], "product").Should().Be("电热水壶");
        map.Get(["S1", "2026-03-05", "武汉市", "电热水壶", "合格"], "category").Should().BeEmpty();
    }

    [Fact]
    public void Resolve_SpotChecksWithNeitherCategoryNorProduct_NamesTheCategoryAsMissing()
    {
        string[] headers = ["抽样单编号", "抽样日期", "被抽样单位所在地", "检验结论"];

        var act = () => ColumnMap.Resolve(IngestSource.SpotChecks, headers, Aliases);

        act.Should().Throw<RiskMonitorException>().WithMessage("*产品类别（category）*");
    }

    [Fact]
    public void Aliases_EveryHeaderName_BelongsToOneColumnOfItsSource()
    {
        foreach (var source in Enum.GetValues<IngestSource>())
        {
            var names = Aliases.Columns(source).SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
            names.Should().OnlyHaveUniqueItems($"a header of {source} may map to one column only");
        }
    }
}
