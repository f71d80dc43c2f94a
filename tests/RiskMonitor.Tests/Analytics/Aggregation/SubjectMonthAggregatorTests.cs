using RiskMonitor.Analytics.Aggregation;
using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Tests.Analytics.Aggregation;

public sealed class SubjectMonthAggregatorTests : IDisposable
{
    private const string Wuhan = "420100";
    private const string Yichang = "420500";
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateTime Now = new(2026, 4, 3, 6, 0, 0, DateTimeKind.Utc);

    private readonly RiskWarehouse _warehouse = RiskWarehouse.Open(DuckDbDatabase.InMemory);
    private readonly DuckDbConnection _connection;

    public SubjectMonthAggregatorTests()
    {
        _connection = _warehouse.Connect();
        new Facts(_connection)
            // Wuhan: 4 complaints, 2 naming fire (one of them with an injury, bought online), one naming nothing and reporting a death.
            .Complaint("2026-03", "EB03", Wuhan, "甲厂", ["fire"], injury: true, online: true)
            .Complaint("2026-03", "EB03", Wuhan, "甲厂", ["fire", "electric_shock"])
            .Complaint("2026-03", "EB03", Wuhan, "乙厂", death: true, online: true)
            .Complaint("2026-03", "EB03", Wuhan)
            // Yichang: one labelling complaint about 丙厂.
            .Complaint("2026-03", "EB03", Yichang, "丙厂", ["labelling"])
            // 甲厂 failed in February and again in March (two in a row, 000 Art. 27) on safety items in Wuhan.
            .Sample("2026-02", "EB03", Wuhan, "甲厂", 5, ("短路保护", true))
            .Sample("2026-03", "EB03", Wuhan, "甲厂", 12, ("短路保护", true), ("标识", false))
            // 丙厂 failed on labelling only in Yichang after passing in February: no streak.
            .Sample("2026-02", "EB03", Yichang, "丙厂", 20)
            .Sample("2026-03", "EB03", Yichang, "丙厂", 8, ("产品标识", false))
            .Sample("2026-03", "EB03", Yichang, "丁厂", 9)
            // A hospital in Wuhan: 3 fire cases with 3 injuries and a major report; a station row naming no hazard.
            .Station("2026-03", "EB03", Wuhan, "fire", 3, injuries: 3, major: true)
            .Station("2026-03", "EB03", Yichang, "", 2);
    }

    [Fact]
    public void Aggregate_Division_CountsEverySource()
    {
        SubjectMonthAggregator.Aggregate(_connection, March, Now).Should().Be(3);

        var wuhan = Row(Wuhan);
        wuhan.Complaints.Should().Be(4);
        wuhan.HazardComplaints.Should().Be(2);
        wuhan.InjuryComplaints.Should().Be(2); // the injury and the death
        wuhan.DeathComplaints.Should().Be(1);
        wuhan.OnlineComplaints.Should().Be(2);
        wuhan.StationCases.Should().Be(3);
        wuhan.StationHazardCases.Should().Be(3);
        wuhan.Injuries.Should().Be(3);
        wuhan.MajorReports.Should().Be(1);
        wuhan.Samples.Should().Be(1);
        wuhan.Failures.Should().Be(1);
        wuhan.SafetyFailures.Should().Be(1);
        wuhan.LabellingFailures.Should().Be(0);
        wuhan.RepeatFailureProducers.Should().Be(1);
        wuhan.MaxHazardSeverity.Should().Be(4);
        // Hazard complaints name 甲厂 twice, the failed sample 甲厂 once: one producer holding everything.
        wuhan.HazardProducers.Should().Be(1);
        wuhan.TopProducerShare.Should().Be(1);
        wuhan.Population10k.Should().Be(1232.7);
        // Signal: 2 hazard complaints + 3 station hazard cases + 2 × 1 safety failure.
        wuhan.Signal.Should().Be(7);
    }

    [Fact]
    public void Aggregate_LabellingOnlyFailure_IsNotASafetyFailureNorARepeat()
    {
        SubjectMonthAggregator.Aggregate(_connection, March, Now);

        var yichang = Row(Yichang);
        yichang.Samples.Should().Be(2);
        yichang.Failures.Should().Be(1);
        yichang.SafetyFailures.Should().Be(0);
        yichang.LabellingFailures.Should().Be(1);
        yichang.RepeatFailureProducers.Should().Be(0);
        yichang.StationCases.Should().Be(2);
        yichang.StationHazardCases.Should().Be(0);
        yichang.MaxHazardSeverity.Should().Be(1);
        yichang.Signal.Should().Be(2); // 1 labelling complaint + 1 other failure
    }

    [Fact]
    public void Aggregate_Province_AddsDivisionsAndCountsProducersOnce()
    {
        SubjectMonthAggregator.Aggregate(_connection, March, Now);

        var province = Row("");
        province.Complaints.Should().Be(5);
        province.HazardComplaints.Should().Be(3);
        province.Failures.Should().Be(2);
        province.RepeatFailureProducers.Should().Be(1);
        province.RegionsAffected.Should().Be(2);
        // 甲厂 ×3 and 丙厂 ×2 (complaint and failure): two producers, the larger holding 3/5.
        province.HazardProducers.Should().Be(2);
        province.TopProducerShare.Should().BeApproximately(0.6, 1e-12);
        // Hubei's 17 divisions in regions.csv, the out-of-province bucket left out.
        province.Population10k.Should().BeApproximately(5775.3, 0.05);
    }

    [Fact]
    public void Aggregate_ProducerAndHazardTables()
    {
        SubjectMonthAggregator.Aggregate(_connection, March, Now);

        _connection.Query(
            "SELECT producer, complaints, hazard_complaints, failures, safety_failures, labelling_failures, consecutive_failures, regions FROM agg_producer_month ORDER BY producer",
            r => (r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7)))
            .Should().Equal(("丁厂", 0, 0, 0, 0, 0, 0, 1), ("丙厂", 1, 1, 1, 0, 1, 1, 1), ("乙厂", 1, 0, 0, 0, 0, 0, 1), ("甲厂", 2, 2, 1, 1, 0, 2, 1));
        _connection.Query(
            "SELECT region_code, hazard_code, complaints FROM agg_hazard_month WHERE month = $1 ORDER BY region_code, hazard_code",
            r => (r.GetString(0), r.GetString(1), r.GetInt32(2)), March)
            .Should().Equal(("", "", 2), ("", "electric_shock", 1), ("", "fire", 2), ("", "labelling", 1),
                (Wuhan, "", 2), (Wuhan, "electric_shock", 1), (Wuhan, "fire", 2), (Yichang, "labelling", 1));
    }

    [Fact]
    public void Aggregate_Twice_ReplacesTheMonth()
    {
        SubjectMonthAggregator.Aggregate(_connection, March, Now);
        SubjectMonthAggregator.Aggregate(_connection, March, Now);
        _connection.ExecuteScalar<long>("SELECT count(*) FROM agg_subject_month").Should().Be(3);
        _connection.ExecuteScalar<long>("SELECT count(*) FROM agg_producer_month").Should().Be(4);
    }

    private SubjectMonth Row(string region) => _connection.Query(
        """
        SELECT month, category_code, region_code, complaints, hazard_complaints, injury_complaints, death_complaints, online_complaints,
               station_cases, station_hazard_cases, injuries, deaths, major_reports, samples, failures, safety_failures, labelling_failures,
               repeat_failure_producers, regions_affected, hazard_producers, top_producer_share, max_hazard_severity, population_10k
        FROM agg_subject_month WHERE month = $1 AND region_code = $2
        """,
        SubjectHistoryReader.Map, March, region).Single();

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }
}
