namespace RiskMonitor.Analytics.Assessment;

/// <summary>A risk subject: a product category in one region, or province-wide when <see cref="RegionCode"/> is empty.</summary>
public sealed record RiskSubject(string CategoryCode, string RegionCode)
{
    public bool ProvinceWide => RegionCode.Length == 0;
}

/// <summary>One subject's aggregates for one month (a row of <c>agg_subject_month</c>).</summary>
public sealed record SubjectMonth(
    DateOnly Month,
    RiskSubject Subject,
    int Complaints,
    int HazardComplaints,
    int InjuryComplaints,
    int StationCases,
    int Injuries,
    int Deaths,
    int MajorReports,
    int Samples,
    int Failures,
    int SafetyFailures,
    int RegionsAffected)
{
    /// <summary>The hazard signal the detection works on: hazard complaints, station cases, and safety failures weighted ×2
    /// (a failed sample stands for a batch on the market, not one consumer).</summary>
    public int Signal => HazardComplaints + StationCases + (2 * SafetyFailures);
}
