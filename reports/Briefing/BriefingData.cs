using RiskMonitor.Core.Domain;

namespace RiskMonitor.Reports.Briefing;

/// <summary>Everything the leadership briefing (领导专报) shows for one month, read from the warehouse.</summary>
/// <param name="AsOf">The day follow-up deadlines are judged against: the month's last day.</param>
public sealed record BriefingData(
    DateOnly Month,
    DateOnly AsOf,
    HeadlineCounts Headline,
    HeadlineCounts PreviousMonth,
    IReadOnlyDictionary<WarningLevel, int> NewWarnings,
    IReadOnlyDictionary<WarningLevel, int> ActiveWarnings,
    IReadOnlyList<LevelChange> Changes,
    IReadOnlyList<TopRisk> TopRisks,
    IReadOnlyList<TrendPoint> Trend,
    HeatMap Heat,
    FollowUpStatus FollowUp);

/// <summary>The month's headline figures.</summary>
public sealed record HeadlineCounts(
    long Complaints, long HazardComplaints, long Samples, long FailedSamples, long StationCases, long Injuries, long Deaths, long WarnedSubjects);

/// <summary>A risk subject whose level moved between last month and this month.</summary>
public sealed record LevelChange(string Category, string Region, WarningLevel From, WarningLevel To)
{
    /// <summary>新增, 升级, 降级, or 回落 (below every warning level this month).</summary>
    public string Kind => From == WarningLevel.None ? "新增" : To == WarningLevel.None ? "回落" : To > From ? "升级" : "降级";
}

/// <summary>One of the month's highest risks with a plain-language reason.</summary>
public sealed record TopRisk(WarningLevel Level, string Category, string Region, double Score, string Reason);

/// <summary>Province-wide key signals of one month.</summary>
public sealed record TrendPoint(DateOnly Month, long Complaints, long HazardComplaints, long StationCases, long FailedSamples);

/// <summary>Hazard signals by division (rows) and product category (columns) in the month.</summary>
public sealed record HeatMap(IReadOnlyList<string> Regions, IReadOnlyList<string> Categories, IReadOnlyList<HeatCell> Cells);

public sealed record HeatCell(int Region, int Category, long Signals);

/// <summary>The statutory follow-up of failed spot checks, judged at <see cref="BriefingData.AsOf"/>.</summary>
public sealed record FollowUpStatus(long OpenCases, long OverdueCases, long DueWithinWeek, long ClosedThisMonth, IReadOnlyList<OverdueStep> Overdue);

public sealed record OverdueStep(long CaseId, string Category, string Region, string Producer, string Step, DateOnly DueOn, int DaysOverdue);
