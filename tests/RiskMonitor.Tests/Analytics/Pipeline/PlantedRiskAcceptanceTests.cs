using System.Text.Json;
using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Tests.Analytics.Pipeline;

/// <summary>
/// The acceptance on the sample province (seed 20261031, 24 months, five planted risks): every planted risk is
/// warned at its true level or one level off, from its start month and before its peak (the media spike starts in its
/// peak month, so there: in it); no warning on pure seasonal variation; false warnings stay rare.
/// </summary>
[Collection(AnalysedProvinceGroup.Name)]
public sealed class PlantedRiskAcceptanceTests(AnalysedProvinceFixture province)
{
    [Fact]
    public void Sample_HasTheFivePlantedRisks()
    {
        province.Truth.Select(t => t.Scenario).Should().BeEquivalentTo(
            "ebike_battery_fire", "co_gas_water_heater", "toy_small_parts", "kettle_media_spike", "tile_labelling");
    }

    [Fact]
    public void RuleLevels_CatchEveryPlantedRiskWithinOneLevelBeforeItsPeak() => AssertCaught(province.RuleReport);

    [Fact]
    public void FinalLevels_CatchEveryPlantedRiskWithinOneLevelBeforeItsPeak() => AssertCaught(province.FinalReport);

    [Fact]
    public void RuleLevels_NoWarningOnPureSeasonality_AndFewFalseWarnings()
    {
        var report = province.RuleReport;
        report.SeasonalWarnings.Should().Be(0);
        report.Precision.Should().BeGreaterThanOrEqualTo(0.9, "{0} of {1} warned subject-months match a planted risk", report.TrueSubjectMonths, report.WarnedSubjectMonths);
        report.Agreement.QuadraticKappa.Should().BeGreaterThanOrEqualTo(0.8);
        report.Months.Should().Be(24);
    }

    [Fact]
    public void FinalLevels_NoWarningOnPureSeasonality_AndFewFalseWarnings()
    {
        var report = province.FinalReport;
        report.SeasonalWarnings.Should().Be(0);
        report.Precision.Should().BeGreaterThanOrEqualTo(0.9, "{0} of {1} warned subject-months match a planted risk", report.TrueSubjectMonths, report.WarnedSubjectMonths);
        report.Agreement.QuadraticKappa.Should().BeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public void Model_NeverLowersTheRuleLevel_AndLeavesRuleLevelsAsTheyWere()
    {
        province.RuleOnlyAfterModel.WarnedSubjectMonths.Should().Be(province.RuleReport.WarnedSubjectMonths);
        province.RuleOnlyAfterModel.TrueSubjectMonths.Should().Be(province.RuleReport.TrueSubjectMonths);
        using var database = DuckDbDatabase.Open(province.DatabasePath, new DuckDbOptions(ReadOnly: true));
        using var connection = database.Connect();
        connection.ExecuteScalar<long>("SELECT count(*) FROM risk_assessments WHERE level < rule_level OR level < coalesce(model_level, 0)").Should().Be(0);
        connection.ExecuteScalar<long>("SELECT count(*) FROM risk_assessments WHERE model_level IS NULL OR contributions IS NULL").Should().Be(0);
    }

    [Fact]
    public void EveryAlarmIsStoredWithItsExpectedValueAndThreshold()
    {
        using var database = DuckDbDatabase.Open(province.DatabasePath, new DuckDbOptions(ReadOnly: true));
        using var connection = database.Connect();
        var factors = connection.Query("SELECT factors FROM risk_assessments WHERE level > 0", r => r.GetString(0));

        factors.Should().NotBeEmpty();
        foreach (var json in factors)
        {
            using var document = JsonDocument.Parse(json);
            var alarms = document.RootElement.GetProperty("aberrations").EnumerateArray().Where(a => a.GetProperty("alarm").GetBoolean()).ToList();
            alarms.Should().OnlyContain(a => a.GetProperty("expected").ValueKind == JsonValueKind.Number && a.GetProperty("threshold").ValueKind == JsonValueKind.Number);
            foreach (var factor in new[] { "harm", "urgency", "scope", "frequency", "duration" })
            {
                document.RootElement.GetProperty(factor).GetInt32().Should().BeInRange(0, 4);
            }
        }
    }

    [Fact]
    public void Explanations_AreChineseAndNameTheFactors()
    {
        using var database = DuckDbDatabase.Open(province.DatabasePath, new DuckDbOptions(ReadOnly: true));
        using var connection = database.Connect();
        var explanation = connection.ExecuteScalar<string>(
            "SELECT explanation FROM risk_assessments WHERE month = '2026-06-01' AND category_code = 'EB03' AND region_code = ''")!;
        explanation.Should().StartWith("建议Ⅰ级（特别严重，红色）预警");
        explanation.Should().ContainAll("危害程度4", "紧急程度", "影响范围", "发生频率", "持续时间", "死亡1例", "模型判定");
    }

    private static void AssertCaught(EvaluationReport report)
    {
        report.Scenarios.Should().HaveCount(5);
        foreach (var s in report.Scenarios)
        {
            s.FirstWarning.Should().NotBeNull($"{s.Risk.Scenario} must be warned");
            s.FirstWarning!.Value.Should().BeOnOrAfter(s.Risk.Start, s.Risk.Scenario);
            s.Caught.Should().BeTrue($"{s.Risk.Scenario} (true {s.Risk.Level}) was warned {s.LevelByPeak} by its peak");
            if (s.Risk.Start < s.Risk.Peak)
            {
                s.CaughtBeforePeak.Should().BeTrue($"{s.Risk.Scenario} starts before its peak and must be warned before it");
            }
        }

        report.Recall.Should().Be(1);
        report.MedianLeadMonths.Should().BeGreaterThanOrEqualTo(1);
    }
}
