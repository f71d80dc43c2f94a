namespace RiskMonitor.Analytics.Assessment;

/// <summary>A risk subject: a product category in one region, or province-wide when <see cref="RegionCode"/> is empty.</summary>
public sealed record RiskSubject(string CategoryCode, string RegionCode)
{
    public bool ProvinceWide => RegionCode.Length == 0;

    /// <summary>The <c>subject_kind</c> stored with assessments.</summary>
    public string Kind => ProvinceWide ? "category" : "category_region";
}

/// <summary>One subject's aggregates for one month (a row of <c>agg_subject_month</c>).</summary>
/// <param name="Injuries">People injured according to station (hospital) reports: treated as hospitalisations.</param>
/// <param name="RepeatFailureProducers">Producers whose failed sample this month is their second or later failure in a row.</param>
/// <param name="MaxHazardSeverity">Worst severity (1–4) of the hazards named this month; 0 when none.</param>
public sealed record SubjectMonth(
    DateOnly Month,
    RiskSubject Subject,
    int Complaints,
    int HazardComplaints,
    int InjuryComplaints,
    int DeathComplaints,
    int OnlineComplaints,
    int StationCases,
    int StationHazardCases,
    int Injuries,
    int Deaths,
    int MajorReports,
    int Samples,
    int Failures,
    int SafetyFailures,
    int LabellingFailures,
    int RepeatFailureProducers,
    int RegionsAffected,
    int HazardProducers,
    double? TopProducerShare,
    int MaxHazardSeverity,
    double? Population10k)
{
    /// <summary>
    /// The hazard signal that detection works on: hazard complaints, station cases naming a hazard, safety failures ×2
    /// (a failed sample stands for a batch on the market, not one consumer) and other failures ×1.
    /// </summary>
    public int Signal => HazardComplaints + StationHazardCases + (2 * SafetyFailures) + (Failures - SafetyFailures);

    /// <summary>Deaths from station reports and from complaints.</summary>
    public int AllDeaths => Deaths + DeathComplaints;

    /// <summary>Share of complaints about goods bought online; null without complaints.</summary>
    public double? OnlineShare => Complaints > 0 ? (double)OnlineComplaints / Complaints : null;

    /// <summary>A month with no record at all, for filling gaps in a series.</summary>
    public static SubjectMonth Empty(DateOnly month, RiskSubject subject, double? population) =>
        new(month, subject, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, population);
}
