using System.Text.RegularExpressions;
using RiskMonitor.Ingest.Sample;

namespace RiskMonitor.Tests.Ingest.Sample;

[Collection(SampleGroup.Name)]
public sealed partial class SampleProvinceTests(SampleFixture sample)
{
    private static readonly string[] Sources = ["complaints", "spot-checks", "station-reports"];

    [Fact]
    public void Generate_SameSeedTwice_WritesIdenticalBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var a = SampleProvince.Generate(new SampleOptions(first.Path, Months: 4, Seed: 11));
        SampleProvince.Generate(new SampleOptions(second.Path, Months: 4, Seed: 11));

        foreach (var file in a.Files.Select(f => f.Path).Append(a.GroundTruthPath))
        {
            var twin = Path.Combine(second.Path, Path.GetFileName(file));
            File.ReadAllBytes(twin).Should().Equal(File.ReadAllBytes(file), Path.GetFileName(file));
        }
    }

    [Fact]
    public void Generate_DifferentSeed_WritesDifferentData()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var a = SampleProvince.Generate(new SampleOptions(first.Path, Months: 2, Seed: 11));
        SampleProvince.Generate(new SampleOptions(second.Path, Months: 2, Seed: 12));

        foreach (var file in a.Files)
        {
            var twin = Path.Combine(second.Path, Path.GetFileName(file.Path));
            File.ReadAllBytes(twin).Should().NotEqual(File.ReadAllBytes(file.Path), Path.GetFileName(file.Path));
        }
    }

    [Fact]
    public void Generate_Default_CoversTwentyFourMonthsEndingOctober2026()
    {
        sample.Summary.FirstMonth.Should().Be(new DateOnly(2024, 11, 1));
        sample.Summary.LastMonth.Should().Be(new DateOnly(2026, 10, 1));
        sample.Summary.Files.Should().HaveCount(24 * 3);
        sample.Summary.Files.GroupBy(f => (f.Source, f.Month)).Should().OnlyContain(g => g.Count() == 1);
    }

    [Fact]
    public void Generate_Small_VolumesAreWithinTolerance()
    {
        var complaints = MonthlyRows("complaints");
        complaints.Average().Should().BeInRange(1_500 * 0.85, 1_500 * 1.2);
        complaints.Should().OnlyContain(n => n > 1_000 && n < 2_300);

        var samples = MonthlyRows("spot-checks");
        samples.Average().Should().BeInRange(60 * 0.8, 60 * 1.25);
        samples.Should().OnlyContain(n => n > 25 && n < 130);

        var stations = sample.Table("station-reports", "2025-03").Rows.Select(r => r["station_id"]).Distinct().ToList();
        stations.Should().HaveCount(30);
    }

    [Fact]
    public void Generate_SummaryRowCounts_MatchTheFiles()
    {
        foreach (var file in sample.Summary.Files.Where(f => f.Month.Month == 3))
        {
            sample.Table(file).Rows.Should().HaveCount((int)file.Rows, file.Path);
        }
    }

    [Fact]
    public void Generate_EverySource_AppearsAsCsvAndXlsx_AndSomeCsvIsGb18030()
    {
        foreach (var source in Sources)
        {
            var files = sample.Summary.Files.Where(f => f.Source == source).ToList();
            files.Should().Contain(f => f.Path.EndsWith(".csv", StringComparison.Ordinal), source);
            files.Should().Contain(f => f.Path.EndsWith(".xlsx", StringComparison.Ordinal), source);
            files.Select(f => Path.GetFileName(f.Path)).Should().OnlyContain(n => FileName().IsMatch(n));
        }

        var gb18030 = sample.Summary.Files.Where(f => f.Encoding == "gb18030").ToList();
        gb18030.Select(f => f.Source).Distinct().Should().HaveCountGreaterThan(1);
        var bytes = File.ReadAllBytes(gb18030[0].Path);
        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        sample.Table(gb18030[0]).Headers.Should().Contain(h => h.Any(c => c >= '\u4e00'), "GB18030 headers decode to Chinese");
    }

    [Fact]
    public void Generate_Headers_AreMappedAliasesThatVaryBetweenSenders()
    {
        foreach (var source in Sources)
        {
            var tables = sample.Tables(source).Select(t => t.Table).ToList();
            foreach (var table in tables)
            {
                table.Headers.Should().OnlyContain(h => HeaderMap.Instance.Canonical(source, h) != null, table.Path);
            }

            var layouts = tables.Select(t => string.Join('|', t.Headers)).Distinct().ToList();
            layouts.Should().HaveCountGreaterThanOrEqualTo(3, source);
            layouts.Should().Contain(l => !l.Any(c => c >= '\u4e00'), "one sender uses the canonical English names");
            tables.Should().Contain(t => t.Title != null, "some exports carry a title row");
        }
    }

    [Fact]
    public void Generate_XlsxStationIds_KeepLeadingZeros()
    {
        var xlsx = sample.Tables("station-reports").First(t => t.File.Encoding == "xlsx").Table;
        xlsx.Rows.Select(r => r["station_id"]).Should().Contain(id => id.StartsWith('0') && id.Length == 5);
    }

    [Fact]
    public void Generate_ProvinceScale_IsLarge()
    {
        using var directory = new TempDirectory();
        var summary = SampleProvince.Generate(new SampleOptions(directory.Path, Months: 1, Scale: SampleScale.Province));

        summary.Files.Single(f => f.Source == "complaints").Rows.Should().BeInRange(40_000, 65_000);
        summary.Files.Single(f => f.Source == "spot-checks").Rows.Should().BeInRange(300, 550);
        summary.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    private List<long> MonthlyRows(string source) => sample.Summary.Files.Where(f => f.Source == source).Select(f => f.Rows).ToList();

    [GeneratedRegex(@"^(complaints|spot-checks|station-reports)-\d{4}-\d{2}\.(csv|xlsx)$")]
    private static partial Regex FileName();
}
