namespace RiskMonitor.Tests.App;

public sealed class DetectCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Detect_EarsC1OnASpike_PrintsTheCsvContractAndAlarmsOnTheSpike()
    {
        var path = _dir.File("series.csv");
        var lines = new List<string> { "period,count" };
        lines.AddRange(Enumerable.Range(1, 10).Select(m => $"2026-{m:00},{3 + (m % 2)}"));
        lines.Add("2026-11,15");
        await File.WriteAllLinesAsync(path, lines);

        var outcome = await CliHarness.Run("detect", "--method", "ears-c1", path);

        outcome.ExitCode.Should().Be(0);
        var rows = outcome.Output.Trim().Split('\n').Select(l => l.Trim()).ToList();
        rows[0].Should().Be("period,count,expected,threshold,alarm");
        rows[1].Should().Be("2026-01,4,,,false");
        // 2026-11: baseline 2026-04..10 = 3,4,3,4,3,4,3 → mean 24/7 = 3.4286; the spike of 15 alarms.
        rows[^1].Should().StartWith("2026-11,15,3.4286,").And.EndWith(",true");
        rows.Count(r => r.EndsWith(",true", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task Detect_UnknownMethod_ExitsTwo()
    {
        var outcome = await CliHarness.Run("detect", "--method", "magic", "-");
        outcome.ExitCode.Should().Be(2);
    }

    public void Dispose() => _dir.Dispose();
}
