using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Tests.Analytics.Evaluation;

public sealed class TruthWindowsTests
{
    private static readonly PlantedRisk Regional = new("co", "GA01", "420600", new(2025, 12, 1), new(2026, 1, 1), WarningLevel.II);
    private static readonly PlantedRisk Province = new("ebike", "EB03", "", new(2026, 3, 1), new(2026, 6, 1), WarningLevel.I);

    [Fact]
    public void Matches_SameCategory_FromStartToThreeMonthsAfterPeak()
    {
        TruthWindows.Matches(Regional, "GA01", "420600", new(2025, 11, 1)).Should().BeFalse();
        TruthWindows.Matches(Regional, "GA01", "420600", new(2025, 12, 1)).Should().BeTrue();
        TruthWindows.Matches(Regional, "GA01", "420600", new(2026, 4, 1)).Should().BeTrue();
        TruthWindows.Matches(Regional, "GA01", "420600", new(2026, 5, 1)).Should().BeFalse();
        TruthWindows.Matches(Regional, "HE01", "420600", new(2026, 1, 1)).Should().BeFalse();
    }

    [Fact]
    public void Matches_ProvinceWideRiskCoversDivisions_ButNotTheOtherWayRound()
    {
        TruthWindows.Matches(Province, "EB03", "420100", new(2026, 4, 1)).Should().BeTrue();
        TruthWindows.Matches(Regional, "GA01", "", new(2026, 1, 1)).Should().BeFalse();
    }

    [Fact]
    public void TrueLevel_LevelUntilTheMonthAfterPeak_ThenLeftOut_ThenNone()
    {
        IReadOnlyList<PlantedRisk> truth = [Regional, Province];
        TruthWindows.TrueLevel(truth, "GA01", "420600", new(2026, 2, 1)).Should().Be(WarningLevel.II);
        TruthWindows.TrueLevel(truth, "GA01", "420600", new(2026, 3, 1)).Should().BeNull();
        TruthWindows.TrueLevel(truth, "GA01", "420600", new(2026, 5, 1)).Should().Be(WarningLevel.None);
        TruthWindows.TrueLevel(truth, "GA01", "", new(2026, 1, 1)).Should().Be(WarningLevel.None);
        TruthWindows.TrueLevel(truth, "EB03", "420100", new(2026, 4, 1)).Should().BeNull();
        TruthWindows.TrueLevel(truth, "EB03", "", new(2026, 4, 1)).Should().Be(WarningLevel.I);
    }

    [Fact]
    public void Labels_LevelInTheActiveWindow_NoneElsewhere_OnTheRisksSubjectsOnly()
    {
        var labels = TruthWindows.Labels([Regional], new(2025, 10, 1), new(2026, 3, 1));

        labels.Select(l => (l.Month.Month, l.Level)).Should().Equal(
            (10, WarningLevel.None), (11, WarningLevel.None), (12, WarningLevel.II), (1, WarningLevel.II), (2, WarningLevel.II), (3, WarningLevel.None));
        labels.Should().OnlyContain(l => l.CategoryCode == "GA01" && l.RegionCode == "420600");
    }

    [Fact]
    public void LabelFile_RoundTripsThroughChineseNames()
    {
        using var dir = new TempDirectory();
        var path = dir.File("labels.csv");
        var labels = TruthWindows.Labels([Regional, Province], new(2026, 1, 1), new(2026, 2, 1));

        LevelFiles.WriteLabels(path, labels, ReferenceData.Default);

        File.ReadAllLines(path).Should().Contain("2026-01,燃气热水器,襄阳市,II").And.Contain("2026-02,电动自行车用锂离子蓄电池,,none");
        LevelFiles.ReadLabels(path, ReferenceData.Default).Should().BeEquivalentTo(labels);
    }

    [Fact]
    public void LabelFile_AcceptsCodesColoursAndNone_AndNamesTheBadLine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("labels.csv");
        File.WriteAllText(path, "month,category,region,level\n2026-03,EB03,,红\n2026-04,陶瓷砖,宜昌,蓝\n2026-05,儿童玩具,荆州市,none\n");
        LevelFiles.ReadLabels(path, ReferenceData.Default).Should().Equal(
            new LevelLabel(new(2026, 3, 1), "EB03", "", WarningLevel.I),
            new LevelLabel(new(2026, 4, 1), "BM01", "420500", WarningLevel.IV),
            new LevelLabel(new(2026, 5, 1), "TY01", "421000", WarningLevel.None));

        File.WriteAllText(path, "month,category,region,level\n2026-03,EB03,,紫\n");
        var act = () => LevelFiles.ReadLabels(path, ReferenceData.Default);
        act.Should().Throw<RiskMonitor.Core.RiskMonitorException>().WithMessage("第 2 行：无法识别的预警级别“紫”");
    }
}
