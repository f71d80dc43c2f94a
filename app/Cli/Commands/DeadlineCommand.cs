using System.CommandLine;
using System.Globalization;
using RiskMonitor.Core;
using RiskMonitor.Core.Calendar;

namespace RiskMonitor.App.Cli.Commands;

/// <summary>
/// <c>riskmonitor deadline --from YYYY-MM-DD (--days N | --step CODE) [--holidays FILE]</c>: the due date of a statutory
/// period under regulation 000 Art. 34 and the rule applied, for clerks checking a case by hand.
/// </summary>
public static class DeadlineCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "起算日（触发事件发生之日，如收到通知书之日），格式 YYYY-MM-DD；当日不计入", Required = true };
        var days = new Option<int?>("--days") { Description = "期限天数（公历日）" };
        var step = new Option<string?>("--step")
        {
            Description = "按《监督抽查结果处理工作管理办法》的环节取期限：" + string.Join("、", SpotCheckSteps.All.Where(s => s.Days is not null).Select(s => $"{s.Code}（{s.Name}，{s.Days}日）")),
        };
        var holidays = HolidaysOption();
        var command = new Command("deadline", "计算法定期限的届满日并说明所依据的规则（公历日计算，起算日不计入；期满日为法定节假日或休息日的，顺延至其后第一个工作日）")
        {
            from, days, step, holidays,
        };
        command.SetAction(parse =>
        {
            var start = ParseDate(parse.GetValue(from), "--from");
            var (length, definition) = Length(parse.GetValue(days), parse.GetValue(step));
            var result = StatutoryDeadline.Compute(start, length, LoadCalendar(parse.GetValue(holidays)));
            var output = parse.InvocationConfiguration.Output;
            if (definition is not null)
            {
                output.WriteLine($"环节：{definition.Name}（{definition.Article}，{definition.ActorName}，{definition.CountsFrom}）");
                output.WriteLine($"说明：{definition.Note}");
            }

            output.WriteLine($"期限届满日：{result.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            if (result.Moved)
            {
                output.WriteLine($"顺延原因：{result.MoveReason}");
            }

            output.WriteLine($"依据：{result.Explanation}");
            return RiskMonitorCli.Success;
        });
        return command;
    }

    /// <summary>The <c>--holidays FILE</c> option: a user holiday file (<c>date,kind,name</c>) merged over the shipped one.</summary>
    internal static Option<string?> HolidaysOption() => new("--holidays")
    {
        Description = "补充或更正节假日的文件（date,kind,name 格式，如次年国务院放假安排），与系统自带的节假日数据合并",
    };

    internal static WorkCalendar LoadCalendar(string? holidaysFile) => WorkCalendar.Load(holidaysFile);

    internal static DateOnly ParseDate(string? text, string option)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new UsageException($"{option} 的日期“{text}”格式不正确，应为 YYYY-MM-DD，例如 2026-02-13");
    }

    private static (int Days, SpotCheckStep? Step) Length(int? days, string? stepCode)
    {
        if (days is null == stepCode is null)
        {
            throw new UsageException("请指定 --days（天数）或 --step（环节代码）中的一个");
        }

        if (stepCode is not null)
        {
            var step = SpotCheckSteps.Find(stepCode.Trim());
            return step?.Days is { } stepDays
                ? (stepDays, step)
                : throw new UsageException($"环节“{stepCode}”不存在或没有法定天数；可用：{string.Join("、", SpotCheckSteps.All.Where(s => s.Days is not null).Select(s => s.Code))}");
        }

        return days < 1 ? throw new UsageException("--days 应为正整数") : (days!.Value, null);
    }
}
