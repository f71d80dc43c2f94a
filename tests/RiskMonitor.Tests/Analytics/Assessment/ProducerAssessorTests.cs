using RiskMonitor.Analytics.Aggregation;
using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Tests.Analytics.Aggregation;

namespace RiskMonitor.Tests.Analytics.Assessment;

public sealed class ProducerAssessorTests : IDisposable
{
    private const string Wuhan = "420100";
    private const string Yichang = "420500";
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateTime Now = new(2026, 4, 3, 6, 0, 0, DateTimeKind.Utc);

    private readonly RiskWarehouse _warehouse = RiskWarehouse.Open(DuckDbDatabase.InMemory);
    private readonly ProducerAssessor _assessor;

    public ProducerAssessorTests() => _assessor = new ProducerAssessor(_warehouse.Reference, new RuleMatrix());

    public void Dispose() => _warehouse.Dispose();

    private static ProducerMonth Month(int complaints = 0, int hazard = 0, int injury = 0, int online = 0, int samples = 0, int failures = 0,
        int safety = 0, int consecutive = 0, int regions = 1, double baseline = 0, int concernMonths = 1) =>
        new(March, "甲厂", "EB03", complaints, hazard, injury, online, samples, failures, safety, failures - safety, consecutive, regions, baseline, concernMonths);

    [Fact]
    public void FailingTwiceInARow_OnASafetyItem_IsElevatedWithTopUrgency()
    {
        var a = _assessor.Assess(Month(samples: 1, failures: 1, safety: 1, consecutive: 2));

        a.Elevated.Should().BeTrue();
        a.Reasons.Should().ContainSingle().Which.Should().Be("连续2次抽查不合格");
        a.Factors.Harm.Should().Be(2, "a failed safety item");
        a.Factors.Urgency.Should().Be(4);
    }

    [Fact]
    public void HazardComplaints_BeyondNoiseOverTheProducersOwnBaseline_AreElevated()
    {
        var a = _assessor.Assess(Month(complaints: 8, hazard: 6, baseline: 0.5));

        a.Elevated.Should().BeTrue();
        a.Reasons.Should().ContainSingle().Which.Should().Contain("危害投诉6件").And.Contain("12倍");
        a.Factors.Urgency.Should().Be(3, "at least four times the baseline");
        a.Factors.Frequency.Should().Be(2);
    }

    [Fact]
    public void HazardComplaints_WithinNoise_AreNotElevated_AndGetNoLevel()
    {
        // Baseline 2: the noise threshold is 2 + 3·√2 ≈ 6.2.
        var a = _assessor.Assess(Month(complaints: 6, hazard: 6, baseline: 2, concernMonths: 9));

        a.Elevated.Should().BeFalse();
        a.Level.Should().Be(WarningLevel.None);
        a.Factors.Urgency.Should().Be(0);
        a.Factors.Duration.Should().Be(4, "the factors are still scored for ranking");
        _assessor.Explain(a).Should().Contain("未达到升高条件");
    }

    [Fact]
    public void Scope_CountsDivisions_PlusOneForMostlyOnlineSales()
    {
        _assessor.Assess(Month(complaints: 12, hazard: 1, online: 9, regions: 5)).Factors.Scope.Should().Be(4);
        _assessor.Assess(Month(complaints: 12, hazard: 1, online: 8, regions: 5)).Factors.Scope.Should().Be(3, "8 of 12 is under 75 %");
        _assessor.Assess(Month(complaints: 4, hazard: 1, online: 4, regions: 1)).Factors.Scope.Should().Be(1, "too few complaints to judge");
    }

    [Fact]
    public void ManyInjuries_InACategoryWhoseWorstHazardIsFatal_ScoreHarmFour()
    {
        var a = _assessor.Assess(Month(complaints: 7, hazard: 7, injury: 5));

        a.Elevated.Should().BeTrue();
        a.Factors.Harm.Should().Be(4);
        a.Level.Should().NotBe(WarningLevel.None);
    }

    [Fact]
    public void AssessMonth_OnTheWarehouse_LevelsTheRepeatFailer_AndStoresOneRowPerHazardousProducer()
    {
        using var connection = _warehouse.Connect();
        new Facts(connection)
            .Complaint("2026-03", "EB03", Wuhan, "甲厂", ["fire"], injury: true, online: true)
            .Complaint("2026-03", "EB03", Wuhan, "甲厂", ["fire", "electric_shock"])
            .Complaint("2026-03", "EB03", Yichang, "丙厂", ["labelling"])
            .Sample("2026-02", "EB03", Wuhan, "甲厂", 5, ("短路保护", true))
            .Sample("2026-03", "EB03", Wuhan, "甲厂", 12, ("短路保护", true), ("标识", false))
            .Sample("2026-03", "EB03", Yichang, "丙厂", 8, ("产品标识", false))
            .Sample("2026-03", "EB03", Yichang, "丁厂", 9);
        SubjectMonthAggregator.Aggregate(connection, March.AddMonths(-1), Now);
        SubjectMonthAggregator.Aggregate(connection, March, Now);

        var assessed = _assessor.AssessMonth(connection, March, Now);

        assessed.Select(a => a.Input.Producer).Should().Equal(["甲厂", "丙厂"], "丁厂 passed and drew no complaint; the repeat failer ranks first");
        var jia = assessed[0];
        jia.Input.ConsecutiveFailures.Should().Be(2);
        jia.Input.ConcernMonths.Should().Be(2, "it failed in February too");
        (jia.Factors.Harm, jia.Factors.Urgency, jia.Factors.Scope, jia.Factors.Frequency, jia.Factors.Duration).Should().Be((2, 4, 1, 1, 2));
        jia.Level.Should().Be(WarningLevel.IV, "harm 2 × exposure 2 in the shipped matrix");
        assessed[1].Elevated.Should().BeFalse("a labelling failure and a labelling complaint are not a safety concern");

        var stored = connection.Query(
            "SELECT producer, level, elevated, explanation FROM producer_assessments WHERE month = $1 ORDER BY level DESC",
            r => (Producer: r.GetString(0), Level: r.GetInt32(1), Elevated: r.GetBoolean(2), Explanation: r.GetString(3)), March);
        stored.Should().HaveCount(2);
        stored[0].Should().Be(("甲厂", (int)WarningLevel.IV, true, stored[0].Explanation));
        stored[0].Explanation.Should().StartWith("甲厂（").And.Contain("连续2次抽查不合格").And.Contain("同期危害投诉2件、伤害投诉1件印证").And.Contain("规则分级：" + WarningLevel.IV.ChineseLabel());

        _assessor.AssessMonth(connection, March, Now);
        connection.ExecuteScalar<long>("SELECT count(*) FROM producer_assessments").Should().Be(2, "re-assessing replaces the month");
    }
}
