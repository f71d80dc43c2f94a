namespace RiskMonitor.Tests.App;

public sealed class SqlCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("w.duckdb");

    [Fact]
    public async Task Sql_SelectAnswerAsCsv_PrintsHeaderAndValue()
    {
        var outcome = await CliHarness.Run("sql", "SELECT 42 AS answer", "--format", "csv", "--db", Db);

        outcome.ExitCode.Should().Be(0);
        outcome.Output.ReplaceLineEndings("\n").Should().Be("answer\n42\n");
    }

    [Fact]
    public async Task Sql_WrongQuery_ExitsOneWithDuckDbsMessageOnOneLine()
    {
        var outcome = await CliHarness.Run("sql", "SELEC 1", "--db", Db);

        outcome.ExitCode.Should().Be(1);
        outcome.Error.Should().Contain("Parser Error").And.Contain("SELEC");
        outcome.Error.TrimEnd().Split('\n').Should().ContainSingle();
        outcome.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Sql_WriteStatement_IsRefusedBecauseTheWarehouseIsReadOnly()
    {
        var outcome = await CliHarness.Run("sql", "DELETE FROM dim_region", "--db", Db);

        outcome.ExitCode.Should().Be(1);
        outcome.Error.Should().Contain("read-only");
        (await CliHarness.Run("sql", "SELECT count(*) AS n FROM dim_region", "--format", "csv", "--db", Db)).Output.Should().Contain("18");
    }

    [Fact]
    public async Task Sql_ReadingOtherFiles_IsRefused()
    {
        var outcome = await CliHarness.Run("sql", "SELECT * FROM read_csv('/etc/hostname')", "--db", Db);

        outcome.ExitCode.Should().Be(1);
        outcome.Error.Should().Contain("Permission Error");
    }

    [Fact]
    public async Task Sql_JsonFormat_WritesTypedValues()
    {
        var outcome = await CliHarness.Run("sql", "SELECT 1.50::DECIMAL(4,2) AS d, DATE '2026-03-05' AS day, NULL AS n, '湖北' AS t", "--format", "json", "--db", Db);

        outcome.ExitCode.Should().Be(0);
        outcome.Output.Should().Contain("\"d\": 1.50").And.Contain("\"day\": \"2026-03-05\"").And.Contain("\"n\": null").And.Contain("\"t\": \"湖北\"");
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var outcome = await CliHarness.Run("frobnicate");

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("用法错误");
    }

    [Fact]
    public async Task BadMonth_ExitsTwoWithChineseMessage()
    {
        var outcome = await CliHarness.Run("analyze", "--month", "2026/13", "--db", Db);

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("YYYY-MM");
    }

    [Theory]
    [InlineData("sql")]
    [InlineData("ingest")]
    [InlineData("analyze")]
    [InlineData("warnings")]
    [InlineData("report")]
    [InlineData("serve")]
    public async Task EveryCommand_HasHelp(string command)
    {
        var outcome = await CliHarness.Run(command, "--help");

        outcome.ExitCode.Should().Be(0);
        outcome.Output.Should().Contain(command);
    }

    public void Dispose() => _dir.Dispose();
}
