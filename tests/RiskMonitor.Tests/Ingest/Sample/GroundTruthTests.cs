using System.Globalization;
using RiskMonitor.Core.Domain;
using RiskMonitor.Ingest.Sample;

namespace RiskMonitor.Tests.Ingest.Sample;

[Collection(SampleGroup.Name)]
public sealed class GroundTruthTests(SampleFixture sample)
{
    private static readonly string[] Levels = ["I", "II", "III", "IV"];

    [Fact]
    public void GroundTruth_HasExactHeaderAndOneWellFormedLinePerScenario()
    {
        var lines = File.ReadAllLines(sample.Summary.GroundTruthPath);

        lines[0].Should().Be("scenario,category,region,start_month,peak_month,level");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        rows.Should().HaveCount(5).And.OnlyContain(r => r.Length == 6);
        rows.Select(r => r[5]).Should().OnlyContain(l => Levels.Contains(l)).And.Contain(Levels);
        foreach (var row in rows)
        {
            ReferenceData.Default.FindCategory(row[1])!.Name.Should().Be(row[1]);
            if (row[2].Length > 0)
            {
                ReferenceData.Default.Divisions.Select(d => d.Name).Should().Contain(row[2]);
            }

            Month(row[3]).Should().BeOnOrBefore(Month(row[4]));
        }

        rows.Where(r => r[5] == "I").Should().ContainSingle().Which[2].Should().BeEmpty("the level I risk is province-wide");
    }

    [Fact]
    public void GroundTruth_TwentyFourMonths_EveryScenarioHasAYearOfCleanHistory()
    {
        var first = sample.Summary.FirstMonth;
        foreach (var s in sample.Summary.Scenarios)
        {
            s.Start.Should().BeOnOrAfter(first.AddMonths(12), s.Scenario);
            s.End.Should().BeOnOrBefore(sample.Summary.LastMonth, s.Scenario);
        }

        var co = sample.Summary.Scenarios.Single(s => s.Category == "燃气热水器");
        new[] { co.Start.Month, co.Peak.Month }.Should().OnlyContain(m => m >= 11 || m <= 2, "carbon monoxide poisoning is a winter risk");
    }

    [Fact]
    public void GroundTruth_SeasonalCategories_AreNotRisks()
    {
        var seasonal = ReferenceData.Default.Categories.Where(c => c.Season.Length > 0 && c.Code != "GA01").Select(c => c.Name);
        sample.Summary.Scenarios.Select(s => s.Category).Should().NotIntersectWith(seasonal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(18)]
    [InlineData(30)]
    public void Generate_AnyLength_PlacesScenariosInsideTheGeneratedMonths(int months)
    {
        using var directory = new TempDirectory();
        var summary = SampleProvince.Generate(new SampleOptions(directory.Path, Months: months, FirstMonth: new DateOnly(2024, 5, 1)));

        summary.LastMonth.Should().Be(new DateOnly(2024, 5, 1).AddMonths(months - 1));
        foreach (var s in summary.Scenarios)
        {
            s.Start.Should().BeOnOrAfter(summary.FirstMonth);
            s.End.Should().BeOnOrBefore(summary.LastMonth);
            if (months >= 18 && s.Category != "燃气热水器")
            {
                s.Start.Should().BeOnOrAfter(summary.FirstMonth.AddMonths(12), $"{s.Scenario} needs a year of history");
            }
        }

        if (months == 30)
        {
            summary.Scenarios.Should().OnlyContain(s => s.Start >= summary.FirstMonth.AddMonths(12));
        }
    }

    private static DateOnly Month(string text) => DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
