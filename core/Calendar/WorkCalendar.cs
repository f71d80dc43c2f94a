namespace RiskMonitor.Core.Calendar;

/// <summary>
/// China's working-day calendar: weekends, public holidays and the weekend days worked instead (调休上班),
/// from the holiday file shipped with the product, optionally extended by a user file of the same format.
/// </summary>
/// <remarks>
/// The State Council publishes each year's arrangement only in the preceding winter, so the data always ends somewhere.
/// Outside the covered years the calendar knows weekends only; <see cref="IsCovered"/> says which years those are and
/// <see cref="StatutoryDeadline"/> turns it into a warning on every deadline that touched such a year.
/// </remarks>
public sealed class WorkCalendar
{
    /// <summary>The embedded resource holding the shipped holiday file.</summary>
    public const string ShippedResourceName = "RiskMonitor.Reference.cn-workday-adjustments.csv";

    private static readonly Lazy<WorkCalendar> ShippedInstance = new(() => Load(userCsvPath: null));

    private readonly Dictionary<DateOnly, CalendarAdjustment> _adjustments;
    private readonly HashSet<int> _years;

    private WorkCalendar(IEnumerable<CalendarAdjustment> adjustments)
    {
        _adjustments = adjustments.ToDictionary(a => a.Date);
        _years = _adjustments.Keys.Select(d => d.Year).ToHashSet();
        Adjustments = _adjustments.Values.OrderBy(a => a.Date).ToArray();
        CoveredYears = _years.Order().ToArray();
    }

    /// <summary>The calendar shipped with the product, without user additions.</summary>
    public static WorkCalendar Shipped => ShippedInstance.Value;

    /// <summary>Every holiday and adjusted working day known, in date order.</summary>
    public IReadOnlyList<CalendarAdjustment> Adjustments { get; }

    /// <summary>The years the data covers, ascending.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>Loads the shipped holiday file, merged with the user's file when a path is given.</summary>
    /// <param name="userCsvPath">A file in the <c>date,kind,name</c> format, e.g. next year's State Council notice.</param>
    /// <exception cref="RiskMonitorException">The user file is missing or malformed.</exception>
    public static WorkCalendar Load(string? userCsvPath)
    {
        if (userCsvPath is null)
        {
            return new WorkCalendar(ReadShipped());
        }

        if (!File.Exists(userCsvPath))
        {
            throw new RiskMonitorException($"节假日文件不存在：{userCsvPath}");
        }

        using var reader = File.OpenText(userCsvPath);
        return Merge(reader, Path.GetFileName(userCsvPath));
    }

    /// <summary>Loads the shipped holiday file merged with user rows read from <paramref name="userCsv"/>.</summary>
    /// <param name="source">How to name the user data in error messages.</param>
    /// <remarks>A user row replaces a shipped row for the same date, so a wrong shipped row can be corrected without code.</remarks>
    public static WorkCalendar Merge(TextReader userCsv, string source)
    {
        ArgumentNullException.ThrowIfNull(userCsv);
        var merged = ReadShipped().ToDictionary(a => a.Date);
        foreach (var row in WorkCalendarCsv.Read(userCsv, source))
        {
            merged[row.Date] = row;
        }

        return new WorkCalendar(merged.Values);
    }

    /// <summary>Whether the data holds the holiday arrangement of <paramref name="year"/>.</summary>
    public bool IsCovered(int year) => _years.Contains(year);

    /// <summary>How <paramref name="date"/> counts; outside covered years only weekends are known.</summary>
    public DayKind Classify(DateOnly date)
    {
        if (_adjustments.TryGetValue(date, out var adjustment))
        {
            return adjustment.Kind == AdjustmentKind.Holiday ? DayKind.Holiday : DayKind.AdjustedWorkingDay;
        }

        return IsWeekend(date) ? DayKind.Weekend : DayKind.WorkingDay;
    }

    /// <summary>
    /// Whether people work on <paramref name="date"/>: a holiday never, an adjusted working day always,
    /// otherwise Monday to Friday.
    /// </summary>
    public bool IsWorkingDay(DateOnly date) => Classify(date) is DayKind.WorkingDay or DayKind.AdjustedWorkingDay;

    /// <summary>Whether <paramref name="date"/> is a public holiday in the data.</summary>
    public bool IsHoliday(DateOnly date) => Classify(date) == DayKind.Holiday;

    /// <summary>The holiday's or adjusted working day's name (春节, 春节调休上班), or null for an ordinary day.</summary>
    public string? HolidayName(DateOnly date) => _adjustments.TryGetValue(date, out var a) ? a.Name : null;

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static List<CalendarAdjustment> ReadShipped()
    {
        using var stream = typeof(WorkCalendar).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException($"{ShippedResourceName} is not embedded");
        using var reader = new StreamReader(stream);
        return WorkCalendarCsv.Read(reader, "cn-workday-adjustments.csv");
    }
}
