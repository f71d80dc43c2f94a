using RiskMonitor.Core.Domain;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Sources;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Sources;

public sealed class FieldReaderTests
{
    private static readonly string[] StationHeaders =
        ["站点编号", "站点类型", "所在地区", "报告月份", "产品类别", "件数", "受伤人数", "是否重大风险"];

    private static readonly string[] SpotHeaders =
        ["抽样单编号", "抽样日期", "被抽样单位所在地", "产品类别", "产品名称", "抽样方式", "检验结论", "报告日期"];

    private static FieldReader Reader(IngestSource source, string[] headers, params string[] cells)
    {
        var map = ColumnMap.Resolve(source, headers, HeaderAliases.Default);
        var reader = new FieldReader(map, ReferenceData.Default, headers.Length);
        reader.Reset(new TabularRow(7, cells, string.Join(',', cells)));
        return reader;
    }

    private static FieldReader Station(params string[] cells) => Reader(IngestSource.StationReports, StationHeaders, cells);

    private static FieldReader Spot(params string[] cells) => Reader(IngestSource.SpotChecks, SpotHeaders, cells);

    [Fact]
    public void GoodRow_ReadsEveryTypeWithoutProblems()
    {
        var fields = Station("01501", "检验机构", "湖北省武汉市", "2026年3月", "电瓶车", "1,234", "0", "否");

        fields.Text("station_id").Should().Be("01501");
        fields.Region("region")!.Code.Should().Be("420100");
        fields.Month("month").Should().Be(new DateOnly(2026, 3, 1));
        fields.Category("category")!.Code.Should().Be("EB01");
        fields.Count("cases").Should().Be(1234);
        fields.Count("injuries").Should().Be(0);
        fields.Count("deaths").Should().BeNull();
        fields.YesNo("major").Should().BeFalse();
        fields.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("-")]
    [InlineData("—")]
    public void Text_RequiredButEmptyOrPlaceholder_NamesTheFileHeaderAndTheCanonicalColumn(string value)
    {
        var fields = Station(value, "检验机构", "武汉市", "2026-03", "电暖器", "1", "0", "否");

        fields.Text("station_id", required: true).Should().BeNull();
        fields.Problems.Should().Equal("缺少必填字段“站点编号”（station_id）");
    }

    [Fact]
    public void Text_OptionalAndEmpty_IsNullWithoutProblem()
    {
        var fields = Station("01501", "检验机构", "武汉市", "2026-03", "电暖器", "", "", "");

        fields.Count("cases").Should().BeNull();
        fields.YesNo("major").Should().BeNull();
        fields.Text("description").Should().BeNull();
        fields.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("三", "字段“件数”（cases）的值“三”不是非负整数")]
    [InlineData("-1", "字段“件数”（cases）的值“-1”不是非负整数")]
    [InlineData("2.5", "字段“件数”（cases）的值“2.5”不是非负整数")]
    [InlineData("99999999999", "字段“件数”（cases）的值“99999999999”不是非负整数")]
    public void Count_NotACount_NamesFieldAndValue(string value, string problem)
    {
        var fields = Station("01501", "检验机构", "武汉市", "2026-03", "电暖器", value, "0", "否");

        fields.Count("cases").Should().BeNull();
        fields.Problems.Should().Equal(problem);
    }

    [Fact]
    public void Month_Impossible_NamesFieldAndValue()
    {
        var fields = Station("01501", "检验机构", "武汉市", "2026/13", "电暖器", "1", "0", "否");

        fields.Month("month", required: true).Should().BeNull();
        fields.Problems.Should().Equal("字段“报告月份”（month）的值“2026/13”不是有效月份");
    }

    [Fact]
    public void YesNo_Unclear_NamesFieldAndValue()
    {
        var fields = Station("01501", "检验机构", "武汉市", "2026-03", "电暖器", "1", "0", "也许");

        fields.YesNo("major").Should().BeNull();
        fields.Problems.Should().Equal("字段“是否重大风险”（major）的值“也许”应为“是”或“否”");
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("网络抽样", true)]
    [InlineData("现场抽样", false)]
    [InlineData("Y", true)]
    [InlineData("0", false)]
    public void YesNo_WordsSendersUse_AreUnderstood(string value, bool expected)
    {
        FieldReader.TryYesNo(value, out var result).Should().BeTrue();
        result.Should().Be(expected);
    }

    [Fact]
    public void Region_Unknown_NamesFieldAndValue()
    {
        var fields = Station("01501", "检验机构", "火星市", "2026-03", "电暖器", "1", "0", "否");

        fields.Region("region", required: true).Should().BeNull();
        fields.Problems.Should().ContainSingle().Which.Should().StartWith("字段“所在地区”（region）的值“火星市”不是已知地区");
    }

    [Theory]
    [InlineData("武汉市洪山区", "420100")]
    [InlineData("湖北省宜昌市", "420500")]
    [InlineData("恩施州", "422800")]
    [InlineData("广东省深圳市", "990000")]
    public void Region_CountyProvincePrefixOrOtherProvince_IsFound(string value, string code)
    {
        var fields = Station("01501", "检验机构", value, "2026-03", "电暖器", "1", "0", "否");

        fields.Region("region")!.Code.Should().Be(code);
        fields.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Category_NotInTheCatalogue_NamesFieldAndValue()
    {
        var fields = Station("01501", "检验机构", "武汉市", "2026-03", "飞船", "1", "0", "否");

        fields.Category("category", required: true).Should().BeNull();
        fields.Problems.Should().Equal("字段“产品类别”（category）的值“飞船”不在产品目录中");
    }

    [Fact]
    public void Date_Impossible_NamesFieldAndValue()
    {
        var fields = Spot("S1", "2026-02-30", "武汉市", "电热水壶", "电水壶", "现场抽样", "合格", "2026-03-01");

        fields.Date("sampled_at", required: true).Should().BeNull();
        fields.Date("report_date").Should().Be(new DateOnly(2026, 3, 1));
        fields.Problems.Should().Equal("字段“抽样日期”（sampled_at）的值“2026-02-30”不是有效日期");
    }

    [Fact]
    public void DateTime_Impossible_NamesFieldAndValue()
    {
        var headers = new[] { "登记编号", "登记时间", "所属区域", "商品类别", "诉求内容" };
        var fields = Reader(IngestSource.Complaints, headers, "A1", "2026/9/31 13:37", "武汉市", "电热水壶", "漏电");

        fields.DateTime("received_at", required: true).Should().BeNull();
        fields.Problems.Should().Equal("字段“登记时间”（received_at）的值“2026/9/31 13:37”不是有效的日期时间");
    }

    [Fact]
    public void Category_EmptyCell_IsRecognisedFromTheProductName()
    {
        var fields = Spot("S1", "2026-03-05", "武汉市", "", "家用电水壶 1.7L", "现场抽样", "合格", "");

        fields.Category("category", required: true, fallbackText: fields.Text("product"))!.Code.Should().Be("KA01");
        fields.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Category_NeitherCellNorProductTells_NamesBoth()
    {
        var fields = Spot("S1", "2026-03-05", "武汉市", "", "福寿鱼", "现场抽样", "合格", "");

        fields.Category("category", required: true, fallbackText: fields.Text("product")).Should().BeNull();
        fields.Problems.Should().Equal("缺少必填字段“产品类别”（category），且无法从产品名称“福寿鱼”识别产品类别");
    }

    [Fact]
    public void SeveralBadFields_AreAllReportedAtOnce()
    {
        var fields = Station("01501", "检验机构", "火星市", "2026/13", "电暖器", "三", "0", "否");

        fields.Region("region");
        fields.Month("month");
        fields.Count("cases");

        fields.Problems.Should().HaveCount(3);
    }

    [Fact]
    public void Reset_ExtraFilledCells_IsAProblemAndExtraEmptyCellsAreNot()
    {
        var fields = Station("01501", "检验机构", "武汉市", "2026-03", "电暖器", "1", "0", "否", "多出来", "");

        fields.Problems.Should().Equal("本行有 10 个字段，多于表头的 8 个（可能含未加引号的逗号或错位）");

        var padded = Station("01501", "检验机构", "武汉市", "2026-03", "电暖器", "1", "0", "否", "", "");
        padded.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Reset_NextRow_ForgetsThePreviousRowsProblems()
    {
        var fields = Station("01501", "检验机构", "火星市", "2026-03", "电暖器", "1", "0", "否");
        fields.Region("region");

        fields.Reset(new TabularRow(8, ["01502", "检验机构", "武汉市", "2026-03", "电暖器", "1", "0", "否"], "x"));

        fields.Problems.Should().BeEmpty();
        fields.Row.Line.Should().Be(8);
    }
}
