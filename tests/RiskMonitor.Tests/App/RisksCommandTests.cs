using RiskMonitor.Core.Data;
using RiskMonitor.Tests.Analytics.Pipeline;

namespace RiskMonitor.Tests.App;

[Collection(AnalysedProvinceGroup.Name)]
public sealed class RisksCommandTests(AnalysedProvinceFixture province)
{
    [Fact]
    public async Task Risks_Csv_ListsEverySubjectRankedWithTheRequiredColumns()
    {
        var outcome = await CliHarness.Run("--db", province.DatabasePath, "risks", "--month", "2026-06", "--format", "csv");

        outcome.ExitCode.Should().Be(0, outcome.Error);
        var lines = outcome.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].Should().StartWith("month,category,region,rule_level,model_level,level,score,explanation,");
        // The battery fires province-wide rank first: level I, region empty.
        lines[1].Should().StartWith("2026-06,电动自行车用锂离子蓄电池,,I,I,I,");
        lines.Skip(1).Should().Contain(l => l.StartsWith("2026-06,儿童玩具,荆州市,III,", StringComparison.Ordinal));
        // Quiet subjects have empty levels, not "none" or 0: the last row ranks lowest.
        lines[^1].Split(',')[3..6].Should().Equal("", "", "");
        lines.Should().HaveCountGreaterThan(300);
    }

    [Fact]
    public async Task Producers_Csv_RanksThePlantedCulpritFirst_WithItsFactorsAndReasons()
    {
        var outcome = await CliHarness.Run("--db", province.DatabasePath, "risks", "producers", "--month", "2026-06", "--format", "csv");

        outcome.ExitCode.Should().Be(0, outcome.Error);
        var lines = outcome.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].Should().Be("month,producer,category,category_code,elevated,level,score,harm,urgency,scope,frequency,duration,explanation");
        // The battery-fire scenario's culprit fails every spot check and draws the complaints.
        lines[1].Should().StartWith("2026-06,").And.Contain("速能").And.Contain(",电动自行车用锂离子蓄电池,").And.Contain(",true,I,");
        lines[1].Should().Contain("次抽查不合格");
        lines.Skip(1).Should().Contain(l => l.Contains(",false,,", StringComparison.Ordinal), "producers with a complaint or failure but no concern are listed without a level");
    }

    [Fact]
    public async Task Risks_Table_ShowsWarnedSubjectsInChinese()
    {
        var outcome = await CliHarness.Run("--db", province.DatabasePath, "risks", "--month", "2026-06");

        outcome.ExitCode.Should().Be(0, outcome.Error);
        outcome.Output.Should().ContainAll("排名", "产品类别", "规则分级", "模型分级", "最终级别", "电动自行车用锂离子蓄电池", "全省");
    }

    [Fact]
    public async Task Override_ChangesTheLevelRecordsTheReasonAndAudits_AndSurvivesReanalysis()
    {
        using var dir = new TempDirectory();
        var db = province.CopyDatabase(dir);

        var outcome = await CliHarness.Run("--db", db, "risks", "override", "--month", "2026-09", "--category", "电热水壶", "--level", "none",
            "--reason", "媒体报道经核实不实，无质量问题", "--user", "张分析");

        outcome.ExitCode.Should().Be(0, outcome.Error);
        outcome.Output.Should().Contain("全省电热水壶").And.Contain("→ 无预警");
        using (var database = DuckDbDatabase.Open(db))
        using (var connection = database.Connect())
        {
            connection.Query(
                "SELECT level, override_level, override_reason, override_by, rule_level FROM risk_assessments WHERE month = '2026-09-01' AND category_code = 'KA01' AND region_code = ''",
                r => (r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt32(4)))
                .Single().Should().Be((0, 0, "媒体报道经核实不实，无质量问题", "张分析", 1));
            connection.ExecuteScalar<string>("SELECT detail FROM audit_log WHERE action = 'override_level'")
                .Should().Contain("IV级 → 无预警").And.Contain("媒体报道经核实不实");
        }

        // Analysing the month again refreshes the computed columns but keeps the analyst's level.
        (await CliHarness.Run("--db", db, "analyze", "--month", "2026-09")).ExitCode.Should().Be(0);
        var csv = await CliHarness.Run("--db", db, "risks", "--month", "2026-09", "--format", "csv");
        csv.Output.Should().Contain("2026-09,电热水壶,,IV,");
        csv.Output.Split('\n').Single(l => l.StartsWith("2026-09,电热水壶,,", StringComparison.Ordinal)).Split(',')[5].Should().BeEmpty();
    }

    [Fact]
    public async Task Override_WithoutAReason_IsBadUsage_AndUnknownSubjectFails()
    {
        var noReason = await CliHarness.Run("--db", province.DatabasePath, "risks", "override", "--month", "2026-09", "--category", "电热水壶",
            "--level", "II", "--reason", " ", "--user", "张分析");
        noReason.ExitCode.Should().Be(2);
        noReason.Error.Should().Contain("必须说明理由");

        using var dir = new TempDirectory();
        var missing = await CliHarness.Run("--db", province.CopyDatabase(dir), "risks", "override", "--month", "2023-01", "--category", "电热水壶",
            "--level", "II", "--reason", "测试", "--user", "张分析");
        missing.ExitCode.Should().Be(1);
        missing.Error.Should().Contain("没有该风险对象的评估结果");
    }
}
