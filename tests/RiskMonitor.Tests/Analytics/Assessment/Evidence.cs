using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Tests.Analytics.Assessment;

/// <summary>Builds evidence for factor and matrix tests: a quiet month unless told otherwise.</summary>
internal static class Evidence
{
    public static readonly DateOnly Month = new(2026, 6, 1);

    public static SubjectMonth Month0(string region = "421000", double? population = 523.1) =>
        SubjectMonth.Empty(Month, new RiskSubject("TY01", region), population);

    /// <summary>Evidence for <paramref name="current"/>; <paramref name="alarms"/> eligible hazard-series detectors alarm.</summary>
    public static SubjectEvidence Of(
        SubjectMonth current, double? expected = 1, bool hazardElevated = false, bool concernElevated = false, int previousSignal = 0,
        int previousComplaints = 0, double? expectedComplaints = null, int alarms = 0, int elevatedRegions = -1, int elevatedMonths = -1,
        double? relativeRate = null, IReadOnlyList<HazardEvidence>? hazards = null)
    {
        var elevated = hazardElevated || concernElevated || current.AllDeaths > 0 || current.MajorReports > 0;
        var aberrations = Enumerable.Range(0, alarms)
            .Select(i => new Aberration(SubjectAberrations.HazardSeries, $"m{i}", current.Signal, expected, expected + 1, true, null, true))
            .ToList();
        return new SubjectEvidence(
            current, previousSignal, previousComplaints, expected, "ears-c2", expectedComplaints, aberrations, hazards ?? [], false,
            hazardElevated, concernElevated, elevatedRegions >= 0 ? elevatedRegions : elevated ? 1 : 0,
            elevatedMonths >= 0 ? elevatedMonths : elevated ? 1 : 0, relativeRate);
    }

    public static HazardEvidence Rising(string hazard, int severity, long count = 5) => new(hazard, severity, "history", count, 4, 0.8, true);
}
