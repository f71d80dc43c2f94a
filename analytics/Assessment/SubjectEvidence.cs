using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>A hazard's disproportionality for the subject this month (a row of <c>hazard_signals</c>).</summary>
/// <param name="Comparison"><c>category</c> (against other categories) or <c>history</c> (against the subject's past year).</param>
public sealed record HazardEvidence(string Hazard, int Severity, string Comparison, long Count, double Prr, double Ic025, bool Signal);

/// <summary>Everything the five factors, the rule level and the model see about one subject in one month.</summary>
/// <param name="PreviousSignal">The hazard signal of the month before.</param>
/// <param name="ExpectedSignal">The hazard signal's expected value (see <see cref="BaselineMethod"/>); null without enough history.</param>
/// <param name="BaselineMethod">Where <paramref name="ExpectedSignal"/> comes from: ears-c2, farrington or volume-scaled.</param>
/// <param name="ExpectedComplaints">The complaint count's expected value; null when it cannot be judged (a season without a seasonal baseline).</param>
/// <param name="HazardElevated">The hazard signal is beyond noise and confirmed (see <see cref="ElevationRules"/>).</param>
/// <param name="ConcernElevated">Complaints as such (public concern, 003 Art. 12(4)) are beyond noise and confirmed.</param>
/// <param name="ElevatedRegions">Province-wide: divisions elevated this month; for a division, 1 when it is elevated.</param>
/// <param name="ElevatedMonths">Consecutive elevated months including this one; 0 when this month is not elevated.</param>
/// <param name="RelativeRate">For a division: its hazard signal per 10,000 residents against the rest of the province's.</param>
/// <param name="Localised">A province-wide subject whose rise (deaths and major reports included) is confined to fewer
/// divisions than <see cref="RiskRuleOptions.ProvinceMinimumRegions"/>: the divisions carry it, the province is not elevated.</param>
public sealed record SubjectEvidence(
    SubjectMonth Current,
    int PreviousSignal,
    int PreviousComplaints,
    double? ExpectedSignal,
    string BaselineMethod,
    double? ExpectedComplaints,
    IReadOnlyList<Aberration> Aberrations,
    IReadOnlyList<HazardEvidence> Hazards,
    bool Seasonal,
    bool HazardElevated,
    bool ConcernElevated,
    int ElevatedRegions,
    int ElevatedMonths,
    double? RelativeRate,
    bool Localised = false)
{
    public RiskSubject Subject => Current.Subject;

    /// <summary>Elevated for any reason: hazard signal, public concern, a death or a major-risk report.</summary>
    public bool Elevated => !Localised && (HazardElevated || ConcernElevated || Current.AllDeaths > 0 || Current.MajorReports > 0);

    /// <summary>Eligible detectors alarming on the hazard signal.</summary>
    public int HazardAlarms => Aberrations.Count(a => a.Series == SubjectAberrations.HazardSeries && a.Counts);

    /// <summary>Eligible detectors alarming on complaints.</summary>
    public int ConcernAlarms => Aberrations.Count(a => a.Series == SubjectAberrations.ConcernSeries && a.Counts);

    /// <summary>Hazards whose share of the subject's complaints rose against its past year (a 'history' signal).</summary>
    public IEnumerable<HazardEvidence> RisingHazards => Hazards.Where(h => h.Comparison == "history" && h.Signal);

    /// <summary>The signal against its expected value (the expectation floored at 0.5); null without an expectation.</summary>
    public double? SignalRatio => ExpectedSignal is { } e ? Current.Signal / Math.Max(e, 0.5) : null;

    /// <summary>Complaints against their expected value; null without an expectation.</summary>
    public double? ConcernRatio => ExpectedComplaints is { } e ? Current.Complaints / Math.Max(e, 0.5) : null;

    /// <summary>Month-on-month growth of the hazard signal, (this + 1) / (last + 1).</summary>
    public double Growth => (Current.Signal + 1.0) / (PreviousSignal + 1.0);

    /// <summary>Month-on-month growth of complaints.</summary>
    public double ConcernGrowth => (Current.Complaints + 1.0) / (PreviousComplaints + 1.0);
}
