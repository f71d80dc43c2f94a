using System.Globalization;
using System.Text.RegularExpressions;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Tests.Ingest.Sample;

[Collection(SampleGroup.Name)]
public sealed partial class SampleContentTests(SampleFixture sample)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy/M/d", "yyyy年M月d日", "yyyyMMdd", "yyyy/M/d H:mm"];
    private static readonly ReferenceData Reference = ReferenceData.Default;

    [Fact]
    public void Complaints_HeaterInJanuaryAndFanInJuly_FarExceedTheOffSeason()
    {
        int Count(string month, string code) => sample.Table("complaints", month).Rows.Count(r => Reference.FindCategory(r["category"])?.Code == code);

        Count("2026-01", "HE01").Should().BeGreaterThan(2 * Count("2025-07", "HE01"));
        Count("2025-07", "FA01").Should().BeGreaterThan(2 * Count("2026-01", "FA01"));
    }

    [Fact]
    public void Complaints_DirtyRows_ArePresentButRare()
    {
        var rows = sample.Tables("complaints").SelectMany(t => t.Table.Rows).ToList();

        rows.Should().Contain(r => r["region"].Length > 0 && Reference.FindRegion(r["region"]) == null, "an unknown region such as 火星市");
        rows.Should().Contain(r => r["region"].Length == 0 || r["text"].Length == 0 || r["category"].Length == 0, "a missing required field");
        rows.Should().Contain(r => !IsDate(r["received_at"]), "an impossible date");
        var byId = rows.GroupBy(r => r["complaint_id"]).Where(g => g.Count() > 1).ToList();
        byId.Should().Contain(g => g.Select(Flatten).Distinct().Count() == 1, "an exact duplicate row");
        byId.Should().Contain(g => g.Select(Flatten).Distinct().Count() > 1, "a reused complaint id with other content");
        byId.Count.Should().BeLessThan(rows.Count / 200);
    }

    [Fact]
    public void StationReports_DirtyRows_IncludeCountsInWordsAndMonthThirteen()
    {
        var rows = sample.Tables("station-reports").SelectMany(t => t.Table.Rows).ToList();

        rows.Should().Contain(r => !IsNumber(r["cases"]) || !IsNumber(r["injuries"]));
        rows.Should().Contain(r => r["month"].Contains("13", StringComparison.Ordinal));
        rows.Select(r => r["station_kind"]).Where(k => k.Length > 0).Distinct().Should().BeEquivalentTo(["企业", "检验机构", "医疗机构", "12315", "行业协会"]);
    }

    [Fact]
    public void Complaints_SomeTexts_CarryPhoneOrIdNumbersToMask()
    {
        var texts = sample.Tables("complaints").SelectMany(t => t.Table.Rows).Select(r => r["text"]).ToList();

        texts.Should().Contain(t => IdNumber().IsMatch(t));
        texts.Should().Contain(t => Mobile().IsMatch(t) && !IdNumber().IsMatch(t));
        texts.Count(t => IdNumber().IsMatch(t)).Should().BeLessThan(texts.Count / 10);
    }

    [Fact]
    public void SpotChecks_BackgroundFailureRate_IsAroundTenPercent()
    {
        var rows = sample.Tables("spot-checks").Where(t => t.File.Month < sample.Summary.FirstMonth.AddMonths(12)).SelectMany(t => t.Table.Rows).ToList();
        var failed = rows.Count(r => r["result"] == "不合格");

        ((double)failed / rows.Count).Should().BeInRange(0.06, 0.15);
        rows.Where(r => r["result"] == "不合格").Should().OnlyContain(r => r["failed_items"].Length > 0);
    }

    [Fact]
    public void Scenarios_ShowInEverySourceAtTheirPeak()
    {
        var truth = sample.Summary.Scenarios.ToDictionary(s => s.Scenario);
        var battery = truth["ebike_battery_fire"];
        var fire = Reference.FindHazard("fire")!.Keywords;
        ComplaintCount(battery.Peak, battery.Category, null, fire).Should().BeGreaterThan(3 * ComplaintCount(battery.Peak.AddMonths(-12), battery.Category, null, fire));
        sample.Table("station-reports", Month(battery.Peak)).Rows
            .Should().Contain(r => r["station_kind"] == "医疗机构" && r["deaths"] == "1" && Reference.FindRegion(r["region"])!.Code == "420100");
        Failures(battery.Peak, battery.Category, null).Should().BeGreaterThan(2);

        var co = truth["co_gas_water_heater"];
        var carbon = Reference.FindHazard("co_poisoning")!.Keywords;
        ComplaintCount(co.Peak, co.Category, co.Region, carbon).Should().BeGreaterThan(3 * (1 + ComplaintCount(co.Peak.AddMonths(-12), co.Category, co.Region, carbon)));

        var toys = truth["toy_small_parts"];
        Enumerable.Range(0, 3).Sum(i => Failures(toys.Start.AddMonths(i), toys.Category, toys.Region, "小零件")).Should().BeGreaterThanOrEqualTo(2);

        var tiles = truth["tile_labelling"];
        Enumerable.Range(0, 6).Count(i => Failures(tiles.Start.AddMonths(i), tiles.Category, tiles.Region, "标识") > 0).Should().BeGreaterThanOrEqualTo(3);

        var kettle = truth["kettle_media_spike"];
        ComplaintCount(kettle.Peak, kettle.Category, null, null).Should().BeGreaterThan(2 * ComplaintCount(kettle.Peak.AddMonths(-1), kettle.Category, null, null));
    }

    private int ComplaintCount(DateOnly month, string category, string? region, IReadOnlyList<string>? keywords) =>
        sample.Table("complaints", Month(month)).Rows.Count(r =>
            Reference.FindCategory(r["category"])?.Name == category
            && (string.IsNullOrEmpty(region) || Reference.FindRegion(r["region"])?.Name == region)
            && (keywords is null || keywords.Any(k => r["text"].Contains(k, StringComparison.Ordinal))));

    private int Failures(DateOnly month, string category, string? region, string? item = null) =>
        sample.Table("spot-checks", Month(month)).Rows.Count(r =>
            r["result"] == "不合格" && Reference.FindCategory(r["category"])?.Name == category
            && (string.IsNullOrEmpty(region) || Reference.FindRegion(r["region"])?.Name == region)
            && (item is null || r["failed_items"].Contains(item, StringComparison.Ordinal)));

    private static bool IsDate(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsNumber(string text) => int.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Flatten(IReadOnlyDictionary<string, string> row) => string.Join('\u001f', row.Values);

    [GeneratedRegex(@"\d{17}[\dX]")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"1[3-9]\d{9}")]
    private static partial Regex Mobile();
}
