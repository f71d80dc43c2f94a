using System.Globalization;
using static RiskMonitor.Core.Calendar.ChineseDates;

namespace RiskMonitor.Core.Calendar;

/// <summary>The Chinese wording of deadline computations, shown to clerks who check them by hand.</summary>
internal static class DeadlineExplanation
{
    private const string Regulation = "《湖北省市场监督管理局产品质量监督抽查结果处理工作管理办法》";

    public static string ForCalendarDays(DateOnly start, int days, DateOnly last, DateOnly due, WorkCalendar calendar)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"自{Long(start)}起算（当日不计入），{days}日期满为{WithWeekday(last)}");
        var name = calendar.HolidayName(last);
        return calendar.Classify(last) switch
        {
            DayKind.WorkingDay => $"{head}，为工作日，期限届满日即为该日。",
            DayKind.AdjustedWorkingDay => $"{head}，该日为调休上班日（{name}），按工作日计，不顺延，期限届满日即为该日。",
            DayKind.Holiday =>
                $"{head}，该日为法定节假日（{name}）。依{Regulation}第三十四条，期间届满的最后一日为法定节假日的，" +
                $"以法定节假日后的第一个工作日为期间届满的日期，即{Target(due, calendar)}。",
            _ =>
                $"{head}，该日为休息日。{Regulation}第三十四条只规定法定节假日顺延；本系统对周六、周日等休息日同样顺延，" +
                $"期限届满日为其后第一个工作日{Target(due, calendar)}。",
        };
    }

    public static string ForWorkingDays(DateOnly start, int workingDays, DateOnly due, WorkCalendar calendar)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"自{Long(start)}起算（当日不计入），按工作日计算，第{workingDays}个工作日为{Target(due, calendar)}，期限届满日即为该日");
        var period = Days(start.AddDays(1), due).ToList();
        var adjusted = period.Where(d => calendar.Classify(d) == DayKind.AdjustedWorkingDay).Select(Long).ToList();
        var skipped = period.Count(d => !calendar.IsWorkingDay(d));
        var holidays = period.Where(calendar.IsHoliday).Select(d => calendar.HolidayName(d)).Distinct().ToList();
        if (skipped > 0)
        {
            var which = holidays.Count == 0 ? string.Empty : $"（含{string.Join("、", holidays)}假期）";
            text += string.Create(CultureInfo.InvariantCulture, $"；其间不计入的休息日和法定节假日共{skipped}天{which}");
        }

        if (adjusted.Count > 0)
        {
            text += $"；{string.Join("、", adjusted)}为调休上班日，计入工作日";
        }

        return text + "。";
    }

    /// <summary>Why a day is not a working day: "2026年2月16日（星期一）为法定节假日（春节）".</summary>
    public static string NonWorkingDay(DateOnly date, DayKind kind, string? name) => kind switch
    {
        DayKind.Holiday => $"{WithWeekday(date)}为法定节假日（{name}）",
        DayKind.Weekend => $"{WithWeekday(date)}为休息日",
        _ => $"{WithWeekday(date)}为工作日",
    };

    public static string CoverageWarning(IReadOnlyList<int> years) =>
        $"注意：节假日数据未包含{string.Join("、", years.Select(y => y.ToString(CultureInfo.InvariantCulture)))}年的放假安排，" +
        "该年仅按周六、周日休息计算，未考虑法定节假日和调休上班日；请对照国务院办公厅当年节假日安排通知人工核对，或补充节假日文件后重新计算。";

    /// <summary>The due date with its weekday, naming the adjusted working day when it is one.</summary>
    private static string Target(DateOnly due, WorkCalendar calendar) =>
        calendar.Classify(due) == DayKind.AdjustedWorkingDay ? $"{Long(due)}（{Weekday(due)}，调休上班日）" : WithWeekday(due);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
