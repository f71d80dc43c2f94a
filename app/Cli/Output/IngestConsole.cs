using System.Globalization;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;
using Spectre.Console;

namespace RiskMonitor.App.Cli.Output;

/// <summary>Runs ingests with a progress bar on a terminal (quiet when output is redirected) and prints a summary table.</summary>
public static class IngestConsole
{
    public static IReadOnlyList<IngestResult> Run(IngestRunner runner, IngestSource source, IReadOnlyList<string> files, IngestOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(files);
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var results = new List<IngestResult>();
        if (interactive)
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    foreach (var file in files)
                    {
                        var task = context.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: 1);
                        var started = DateTime.UtcNow;
                        var progress = new Progress<IngestProgress>(p =>
                        {
                            var seconds = (DateTime.UtcNow - started).TotalSeconds;
                            task.Value = p.Fraction;
                            task.Description = Markup.Escape($"{p.File} {p.Rows:N0} 行，{(seconds > 0 ? p.Rows / seconds : 0):N0} 行/秒");
                        });
                        results.Add(runner.Ingest(source, file, options, progress));
                        task.Value = 1;
                    }
                });
        }
        else
        {
            results.AddRange(files.Select(f => runner.Ingest(source, f, options)));
        }

        WriteSummary(results, output);
        return results;
    }

    public static void WriteSummary(IReadOnlyList<IngestResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = InteractionSupport.No,
        });
        var table = new Table().AddColumns("文件", "批次", "状态", "读取", "导入", "隔离", "重复", "替换");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.File), r.BatchId.ToString(CultureInfo.InvariantCulture), StatusText(r.Status),
                N(r.Read), N(r.Loaded), N(r.Quarantined), N(r.Duplicate), N(r.Replaced));
        }

        console.Write(table);
        foreach (var r in results.Where(r => r.Message is not null))
        {
            output.WriteLine($"{r.File}：{r.Message}");
        }

        foreach (var r in results.Where(r => r.Quarantined > 0))
        {
            output.WriteLine($"{r.File}：{r.Quarantined} 行进入隔离区，可用 riskmonitor sql \"SELECT line, reason FROM quarantine WHERE batch_id = {r.BatchId}\" 查看原因");
        }
    }

    private static string StatusText(string status) => status switch
    {
        IngestStatus.Loaded => "已导入",
        IngestStatus.Skipped => "已跳过",
        _ => "[red]失败[/]",
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
