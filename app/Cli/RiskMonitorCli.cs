using System.CommandLine;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core;

namespace RiskMonitor.App.Cli;

/// <summary>
/// The <c>riskmonitor</c> command line. Exit codes: 0 success, 1 failure (one line on stderr, no stack trace for user
/// errors), 2 bad usage.
/// </summary>
public static class RiskMonitorCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    /// <summary>The global <c>--db</c> option; it overrides configuration.</summary>
    public static Option<string?> DatabaseOption { get; } = new("--db")
    {
        Description = "数据仓库文件路径（默认取配置 Warehouse:Path，即 data/riskmonitor.duckdb）",
        Recursive = true,
    };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("RiskMonitor：湖北省工业产品质量安全风险监测预警平台");
        root.Options.Add(DatabaseOption);
        foreach (var command in CliCommands.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"用法错误：{e.Message}");
            }

            await error.WriteLineAsync("使用 --help 查看用法。");
            return BadUsage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"用法错误：{e.Message}");
            return BadUsage;
        }
        catch (RiskMonitorException e)
        {
            await error.WriteLineAsync($"错误：{OneLine(e.Message)}");
            return Failure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("已取消。");
            return Failure;
        }
#pragma warning disable CA1031 // the process boundary: any other failure becomes one line and exit code 1, detail on request
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"内部错误：{e.GetType().Name}: {OneLine(e.Message)}");
            if (Environment.GetEnvironmentVariable("RISKMONITOR_DEBUG") == "1")
            {
                await error.WriteLineAsync(e.ToString());
            }
            else
            {
                await error.WriteLineAsync("（设置 RISKMONITOR_DEBUG=1 可查看详细信息）");
            }

            return Failure;
        }
    }

    /// <summary>Settings with the command line's <c>--db</c> applied.</summary>
    public static RiskMonitorSettings Settings(ParseResult parse) => RiskMonitorSettings.Load(parse?.GetValue(DatabaseOption));

    /// <summary>DuckDB's multi-line messages (with a caret under the error position) folded into one line.</summary>
    private static string OneLine(string message) =>
        string.Join(" — ", message.ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && l.Trim('^', ' ').Length > 0));
}
