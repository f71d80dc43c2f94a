namespace RiskMonitor.Tests.App.FollowUp;

/// <summary><c>riskmonitor deadline</c>, for clerks checking a due date by hand. 2026-02-01 is a Sunday.</summary>
public sealed class DeadlineCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Deadline_EndingInSpringFestival_PrintsTheMovedDateAndArticle34()
    {
        // 02-01 + 15 = Mon 02-16, 春节 (02-15..02-23) → Tue 02-24.
        var outcome = await CliHarness.Run("deadline", "--from", "2026-02-01", "--days", "15");

        outcome.ExitCode.Should().Be(0);
        var lines = outcome.Output.ReplaceLineEndings("\n").Split('\n');
        lines[0].Should().Be("期限届满日：2026-02-24");
        lines[1].Should().Be("顺延原因：2026年2月16日（星期一）为法定节假日（春节）");
        lines[2].Should().StartWith("依据：自2026年2月1日起算（当日不计入），15日期满为2026年2月16日（星期一）").And.Contain("第三十四条");
    }

    [Fact]
    public async Task Deadline_ByStep_NamesTheStepAndItsArticle()
    {
        // Received Fri 02-13 + 15 = Sat 02-28, a worked Saturday (春节调休上班): due that day.
        var outcome = await CliHarness.Run("deadline", "--from", "2026-02-13", "--step", "objection");

        outcome.ExitCode.Should().Be(0);
        outcome.Output.Should().Contain("环节：提出书面异议申请（第七条").And.Contain("期限届满日：2026-02-28").And.Contain("调休上班日").And.NotContain("顺延原因");
    }

    [Fact]
    public async Task Deadline_WithAUserHolidayFile_UsesIt()
    {
        // 2026-12-31 + 10 = Sun 2027-01-10 → Mon 01-11 by weekends alone; a user file making 01-11 a holiday moves it to Tue 01-12.
        var holidays = _dir.File("2027.csv");
        await File.WriteAllTextAsync(holidays, "date,kind,name\n2027-01-11,holiday,测试假日\n");

        var outcome = await CliHarness.Run("deadline", "--from", "2026-12-31", "--days", "10", "--holidays", holidays);

        outcome.Output.Should().Contain("期限届满日：2027-01-12");
    }

    [Theory]
    [InlineData("--from", "2026-02-01")]
    [InlineData("--from", "2026-02-01", "--days", "15", "--step", "objection")]
    [InlineData("--from", "2026/02/01", "--days", "15")]
    [InlineData("--from", "2026-02-01", "--step", "transfer")]
    public async Task Deadline_BadArguments_AreBadUsageInChinese(params string[] args)
    {
        var outcome = await CliHarness.Run(["deadline", .. args]);

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().StartWith("用法错误：");
    }

    [Fact]
    public async Task Deadline_HasHelpNamingTheSteps()
    {
        var outcome = await CliHarness.Run("deadline", "--help");

        outcome.ExitCode.Should().Be(0);
        outcome.Output.Should().Contain("--step").And.Contain("rectification（完成整改、提交整改报告并申请复查，60日）");
    }

    public void Dispose() => _dir.Dispose();
}
