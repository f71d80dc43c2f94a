using System.Globalization;
using System.Text;
using RiskMonitor.Analytics.Detection;
using RiskMonitor.Core;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class DetectionCsvTests
{
    [Fact]
    public void Run_EarsC1_WritesEveryPeriodWithEmptyCellsWhereHistoryIsShort()
    {
        const string input = "period,count\n2025-01,3\n2025-02,5\n2025-03,4\n2025-04,6\n2025-05,2\n2025-06,5\n2025-07,3\n2025-08,12\n2025-09,4\n";

        var output = Run(input, new DetectorOptions("ears-c1"));

        // Values as in EarsC1DetectorTests: mean 4, U 8.370248438; mean 5.285714286, U 15.333213209.
        output.Should().Be("""
            period,count,expected,threshold,alarm
            2025-01,3,,,false
            2025-02,5,,,false
            2025-03,4,,,false
            2025-04,6,,,false
            2025-05,2,,,false
            2025-06,5,,,false
            2025-07,3,,,false
            2025-08,12,4,8.3702,true
            2025-09,4,5.2857,15.3332,false

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Run_BaselineAndAlphaOptions_ReachTheDetector()
    {
        const string input = "period,count\nA,2\nB,4\nC,6\nD,9\n";

        var output = Run(input, new DetectorOptions("ears-c1", Alpha: 0.05, Baseline: 3));

        // Mean 4, sd 2, U = 4 + 1.644853627 × 2 = 7.289707254.
        output.Should().EndWith("D,9,4,7.2897,true\n");
    }

    [Fact]
    public void Run_FarringtonOnMonthlyLabels_InfersTheFrequencyAndFlagsTheOutbreaks()
    {
        var builder = new StringBuilder("period,count\n");
        var counts = Enumerable.Range(0, 96)
            .Select(t => (long)Math.Round(25 * Math.Exp(0.35 * Math.Cos(2 * Math.PI * ((t % 12) - 6) / 12)) * (1 + (0.08 * Math.Sin(1.7 * t)))))
            .ToArray();
        counts[74] += 30;
        counts[85] += 25;
        counts[86] += 30;
        for (var t = 0; t < counts.Length; t++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{2018 + (t / 12)}-{(t % 12) + 1:00},{counts[t]}\n");
        }

        var lines = Run(builder.ToString(), new DetectorOptions("farrington")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCount(97);
        lines.Where(l => l.EndsWith(",true", StringComparison.Ordinal)).Select(l => l.Split(',')[0])
            .Should().Equal("2024-03", "2025-02", "2025-03");
        lines[63].Should().StartWith("2023-03,").And.EndWith(",,,false");
        lines[64].Split(',')[2].Should().NotBeEmpty();
    }

    [Fact]
    public void Run_FarringtonOnOpaqueLabels_AsksForTheFrequency()
    {
        var act = () => Run("period,count\nP1,3\nP2,4\n", new DetectorOptions("farrington"));

        act.Should().Throw<RiskMonitorException>().WithMessage("*频率*");
    }

    [Fact]
    public void Read_HeaderInAnyOrderWithBomQuotesAndBlankLines_IsAccepted()
    {
        const string input = "\uFEFFCount, Period ,note\r\n\r\n\"12\",\"2026-W01\",x\r\n7,2026-W02,\"a, b\"\r\n";

        var series = DetectionCsv.Read(new StringReader(input));

        series.Periods.Should().Equal("2026-W01", "2026-W02");
        series.Counts.Should().Equal(12, 7);
        series.Frequency.Should().Be(52);
    }

    [Theory]
    [InlineData("period,count\n2025-01,3\n2025-02,abc\n", "第 3 行")]
    [InlineData("period,count\n2025-01,3\n\n2025-02,-1\n", "第 4 行")]
    [InlineData("period,count\n2025-01,3.5\n", "第 2 行")]
    [InlineData("period,count\n2025-01\n", "第 2 行")]
    [InlineData("period,count\n2025-01,3\n2025-01,4\n", "第 3 行")]
    [InlineData("period,cases\n2025-01,3\n", "第 1 行")]
    [InlineData("month,count\n2025-01,3\n", "第 1 行")]
    [InlineData("period,count\n\"2025-01,3\n", "第 2 行")]
    public void Read_BadInput_NamesTheLineInChinese(string input, string line)
    {
        var act = () => DetectionCsv.Read(new StringReader(input));

        act.Should().Throw<RiskMonitorException>().WithMessage($"*{line}*");
    }

    [Fact]
    public void Read_EmptyInput_IsRefused()
    {
        var act = () => DetectionCsv.Read(new StringReader("\n\n"));

        act.Should().Throw<RiskMonitorException>().WithMessage("*表头*");
    }

    [Fact]
    public void Run_HeaderOnly_WritesTheHeader() =>
        Run("period,count\n", new DetectorOptions("cusum")).Should().Be(DetectionCsv.OutputHeader + "\n");

    private static string Run(string input, DetectorOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        DetectionCsv.Run(new StringReader(input), writer, options);
        return writer.ToString();
    }
}
