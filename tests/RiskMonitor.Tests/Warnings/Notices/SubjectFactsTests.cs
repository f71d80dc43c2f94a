using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Warnings.Notices;

/// <summary>A notice's scope names the month's top producers and platforms, found in the facts.</summary>
public sealed class SubjectFactsTests : IDisposable
{
    private static readonly DateOnly May = new(2026, 5, 1);
    private readonly RiskWarehouse _warehouse = RiskWarehouse.Open(DuckDbDatabase.InMemory);
    private readonly DuckDbConnection _c;

    public SubjectFactsTests()
    {
        _c = _warehouse.Connect();
        // Spot checks of e-bike batteries in May: 甲 failed twice (online at 淘宝, offline), 乙 (outside Hubei) once at 京东,
        // 丙 passed at 拼多多; one failure in June and one of another category must not count.
        Sample("S1", "甲电源公司", "420100", online: true, platform: "淘宝", passed: false);
        Sample("S2", "甲电源公司", "420100", online: false, platform: null, passed: false);
        Sample("S3", "乙能源公司", "990000", online: true, platform: "京东", passed: false, region: "420600");
        Sample("S4", "丙电池厂", "420100", online: true, platform: "拼多多", passed: true);
        Sample("S5", "丁电池厂", "420100", online: false, platform: null, passed: false, month: May.AddMonths(1));
        Sample("S6", "戊家电公司", "420100", online: false, platform: null, passed: false, category: "KA01");
        // Complaints: 丁 is named in two hazard complaints, 丙 in one ordinary complaint (no hazard, no injury).
        Complaint("C1", "丁电池厂", ["fire"], injury: false);
        Complaint("C2", "丁电池厂", [], injury: true);
        Complaint("C3", "丙电池厂", [], injury: false);
        // Region signals (hazard complaints + station cases + safety failures): 襄阳 0 + 6 + 1 = 7 before 武汉 2 + 2 + 2 = 6.
        Aggregate("420600", [0, 0, 0, 6, 1, 0, 0, 1, 1, 1, 1]);
        Aggregate("420100", [3, 2, 1, 2, 0, 0, 0, 3, 2, 2, 1]);
        Aggregate(string.Empty, [3, 2, 1, 7, 1, 0, 0, 4, 3, 3, 2]);
    }

    [Fact]
    public void ProvinceWide_NamesFailedProducersFirst_PlatformsWithFailures_AndProducersOutsideHubei()
    {
        var facts = SubjectFacts.Query(_c, _warehouse.Reference, "EB03", string.Empty, May, top: 5);

        facts.Producers.Should().Equal("甲电源公司", "乙能源公司", "丁电池厂");
        facts.OutOfProvinceProducers.Should().Equal("乙能源公司");
        facts.Platforms.Should().Equal("京东", "淘宝");
        facts.Regions.Should().Equal("襄阳市", "武汉市");
        facts.Hazards.Should().Equal("火灾");
        facts.Counts.Should().Be(new SubjectCounts(3, 2, 1, 7, 1, 0, 4, 3, 3));
        (facts.CategoryName, facts.Area).Should().Be(("电动自行车用锂离子蓄电池", "全省"));
    }

    [Fact]
    public void InOneRegion_NamesOnlyThatRegionsParties_AndRespectsTheLimit()
    {
        var facts = SubjectFacts.Query(_c, _warehouse.Reference, "EB03", "420100", May, top: 1);

        facts.Producers.Should().Equal("甲电源公司");
        facts.Platforms.Should().Equal("淘宝");
        facts.Regions.Should().BeEmpty();
        facts.Area.Should().Be("武汉市");
    }

    private void Sample(string id, string producer, string producerRegion, bool online, string? platform, bool passed,
        string region = "420100", string category = "EB03", DateOnly? month = null) => _c.Execute(
        """
        INSERT INTO fact_spot_check (sample_id, batch_id, sampled_at, month, region_code, category_code, producer, producer_region_code, online, platform, passed)
        VALUES ($1, 1, $2, $2, $3, $4, $5, $6, $7, $8, $9)
        """,
        id, month ?? May, region, category, producer, producerRegion, online, platform, passed);

    private void Complaint(string id, string producer, string[] hazards, bool injury) => _c.Execute(
        """
        INSERT INTO fact_complaint (complaint_id, batch_id, received_at, month, region_code, category_code, producer, text, hazards, injury)
        VALUES ($1, 1, $2, $3, '420100', 'EB03', $4, '投诉', CASE WHEN $5 = '' THEN []::VARCHAR[] ELSE string_split($5, ',') END, $6)
        """,
        id, May.ToDateTime(TimeOnly.MinValue), May, producer, string.Join(',', hazards), injury);

    private void Aggregate(string region, int[] counts) => _c.Execute(
        """
        INSERT INTO agg_subject_month (month, category_code, region_code, complaints, hazard_complaints, injury_complaints, station_cases,
                                       injuries, deaths, major_reports, samples, failures, safety_failures, regions_affected, computed_at)
        VALUES ($1, 'EB03', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $1)
        """,
        [May, region, .. counts.Cast<object?>()]);

    public void Dispose()
    {
        _c.Dispose();
        _warehouse.Dispose();
    }
}
