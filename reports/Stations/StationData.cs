using RiskMonitor.Core.Domain;

namespace RiskMonitor.Reports.Stations;

/// <summary>Everything the station reports of one month show, for every station expected to report.</summary>
public sealed record StationMonth(
    DateOnly Month,
    IReadOnlyList<StationSummary> Stations,
    IReadOnlyList<ActiveWarning> Warnings,
    IReadOnlyList<QuarantinedRow> UnattributedQuarantine);

/// <summary>One station's month: what it sent, how that compares, and the data-quality notes about it.</summary>
/// <param name="Series">Cases per month over the last thirteen months, oldest first (this month last).</param>
/// <param name="PeerAverageSeries">Mean cases per reporting station of the same kind, same months.</param>
/// <param name="SameMonthLastYear">Cases in the same month a year before, or null when the station did not report then.</param>
/// <param name="MissingCategories">Categories the station reported in the previous three months but not this month.</param>
public sealed record StationSummary(
    string StationId,
    string Name,
    string Kind,
    string RegionCode,
    string Region,
    IReadOnlyList<StationRow> Rows,
    bool Late,
    IReadOnlyList<string> MissingCategories,
    IReadOnlyList<QuarantinedRow> Quarantined,
    IReadOnlyList<long> Series,
    IReadOnlyList<double> PeerAverageSeries,
    long? SameMonthLastYear,
    int PeerCount,
    int PeerRank)
{
    public bool Reported => Rows.Count > 0;

    public long Cases => Rows.Sum(r => (long)r.Cases);

    public long Injuries => Rows.Sum(r => (long)r.Injuries);

    public long Deaths => Rows.Sum(r => (long)r.Deaths);

    public int MajorReports => Rows.Count(r => r.Major);

    /// <summary>按时报送, 迟报 or 未报送.</summary>
    public string Status => !Reported ? "未报送" : Late ? "迟报" : "按时报送";
}

/// <summary>One reported line: a category (and hazard) with its counts and the station's own description.</summary>
public sealed record StationRow(string CategoryCode, string Category, string Hazard, int Cases, int Injuries, int Deaths, bool Major, string Description);

/// <summary>A row of the month's station-report files that was set aside, with why.</summary>
public sealed record QuarantinedRow(string File, long Line, string Reason);

/// <summary>A warning in force in the month.</summary>
public sealed record ActiveWarning(long WarningId, string CategoryCode, string Category, string RegionCode, string Region, WarningLevel Level, string Status, DateOnly FirstMonth)
{
    /// <summary>Whether the warning covers a category in this region: its own region or province-wide.</summary>
    public bool Covers(string categoryCode, string regionCode) =>
        CategoryCode == categoryCode && (RegionCode.Length == 0 || RegionCode == regionCode);
}
