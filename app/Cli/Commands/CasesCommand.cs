using System.CommandLine;
using System.Globalization;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Hosting;
using RiskMonitor.Core.Calendar;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.FollowUp;

namespace RiskMonitor.App.Cli.Commands;

/// <summary>
/// <c>riskmonitor cases open|list|show|event|import|event-types|watch|flags|key-list</c>: follow-up cases of failed
/// spot-check samples under regulation 000 (湖北省市场监督管理局产品质量监督抽查结果处理工作管理办法).
/// </summary>
public static partial class CasesCommand
{
    public static Command Create()
    {
        var command = new Command("cases", "监督抽查不合格后处理案件：立案、记录事件、导入、逾期检查、生产者标记和重点监管名单（《产品质量监督抽查结果处理工作管理办法》）");
        foreach (var sub in new[] { Open(), List(), Show(), Event(), Import(), EventTypes(), Watch(), Flags(), KeyList() })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static Command Open()
    {
        var today = TodayOption();
        var holidays = DeadlineCommand.HolidaysOption();
        var command = new Command("open", "为检验结论为不合格、尚未立案的样品立案（可重复执行，已立案的不会重复）；2026年1月1日前出具报告的样品不立案") { today, holidays };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.Open(settings);
            using var connection = warehouse.Connect();
            var opened = FollowUpCases.OpenForFailedSamples(
                connection, DeadlineCommand.LoadCalendar(parse.GetValue(holidays)), Today(parse.GetValue(today), settings));
            var output = parse.InvocationConfiguration.Output;
            foreach (var c in opened)
            {
                output.WriteLine(Summary(c, warehouse.Reference, Today(parse.GetValue(today), settings)));
            }

            output.WriteLine($"新立案 {opened.Count} 件。");
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "包括已结案的案件" };
        var overdue = new Option<bool>("--overdue") { Description = "只列出有逾期环节的案件" };
        var today = TodayOption();
        var command = new Command("list", "列出后处理案件：阶段、下一个期限及是否逾期") { all, overdue, today };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            var day = Today(parse.GetValue(today), settings);
            using var warehouse = WarehouseAccess.Open(settings);
            using var connection = warehouse.Connect();
            var cases = FollowUpCases.List(connection, parse.GetValue(all))
                .Where(c => !parse.GetValue(overdue) || c.Steps.Any(s => s.IsOverdueOn(day)))
                .ToList();
            var output = parse.InvocationConfiguration.Output;
            foreach (var c in cases)
            {
                output.WriteLine(Summary(c, warehouse.Reference, day));
            }

            output.WriteLine($"共 {cases.Count} 件。");
            return RiskMonitorCli.Success;
        });
        return command;
    }

    /// <summary>One line per case: who, where, stage and the next due date.</summary>
    internal static string Summary(FollowUpCase c, ReferenceData reference, DateOnly today)
    {
        var next = c.Steps.Where(s => s.IsOpen && s.DueOn is not null).MinBy(s => s.DueOn);
        var due = next is null ? string.Empty : $"　下一期限：{next.Definition.Name} {Iso(next.DueOn!.Value)}{Lateness(next, today)}";
        return $"案件 {c.CaseId}　抽样单 {c.SampleId}　{c.Producer ?? "（生产者不详）"}　{RegionName(reference, c.RegionCode)}　阶段：{c.Stage.ChineseName()}{due}";
    }

    internal static string Lateness(CaseStep step, DateOnly today) =>
        step.IsOverdueOn(today)
            ? string.Create(CultureInfo.InvariantCulture, $"（已逾期 {today.DayNumber - step.DueOn!.Value.DayNumber} 日）")
            : string.Empty;

    internal static string RegionName(ReferenceData reference, string? code) =>
        reference.Regions.FirstOrDefault(r => r.Code == code)?.Name ?? code ?? "（地区不详）";

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The <c>--today</c> option: run as of another day than today (re-running a missed day, entering old records).</summary>
    private static Option<string?> TodayOption() => new("--today")
    {
        Description = "按指定日期（YYYY-MM-DD）执行，用于补跑某日的逾期检查或补录历史记录；默认为北京时间的今天",
    };

    /// <summary>The bureau's current day, or the <c>--today</c> given. The only place these commands read the clock.</summary>
    private static DateOnly Today(string? option, RiskMonitorSettings settings) =>
        option is null
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), BureauTime.Zone(settings.Scheduler.TimeZone)).DateTime)
            : DeadlineCommand.ParseDate(option, "--today");

    private static WorkCalendar Calendar(ParseResult parse, Option<string?> holidays) => DeadlineCommand.LoadCalendar(parse.GetValue(holidays));
}
