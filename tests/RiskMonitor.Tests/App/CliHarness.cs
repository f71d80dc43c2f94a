using RiskMonitor.App.Cli;

namespace RiskMonitor.Tests.App;

/// <summary>Runs the real <c>riskmonitor</c> command line in-process and captures what it prints.</summary>
public static class CliHarness
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RiskMonitorCli.RunAsync(args, output, error);
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
