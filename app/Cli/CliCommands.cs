using System.CommandLine;
using RiskMonitor.App.Cli.Commands;

namespace RiskMonitor.App.Cli;

/// <summary>Every subcommand of <c>riskmonitor</c>, in the order <c>--help</c> lists them.</summary>
public static class CliCommands
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return SampleCommand.Create();
        yield return IngestCommand.Create();
        yield return AnalyzeCommand.Create();
        yield return DetectCommand.Create();
        yield return RisksCommand.Create();
        yield return ModelCommand.Create();
        yield return EvaluateCommand.Create();
        yield return WarningsCommand.Create();
        yield return CasesCommand.Create();
        yield return DeadlineCommand.Create();
        yield return ReportCommand.Create();
        yield return SqlCommand.Create();
        yield return ExportCommand.Create();
        yield return ServeCommand.Create();
        yield return PublishCommand.Create();
        yield return UsersCommand.Create();
    }
}
